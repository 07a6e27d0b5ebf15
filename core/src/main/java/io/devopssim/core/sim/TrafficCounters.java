package io.devopssim.core.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates one version's traffic second by second, up to the last whole second before now.
 * Each second's traffic is a pure sample, so the totals depend only on the history and the time
 * asked, not on how often anyone asked: scraping every second or once an hour gives the same numbers.
 */
final class TrafficCounters {
    private final Version version;
    private final SampleGenerator generator;

    // guarded by this
    private long nextSecond;
    private long requests;
    private long errors;
    private double latencySumSeconds;
    private final long[] buckets = new long[TrafficTotals.BUCKET_BOUNDS_SECONDS.size()];

    TrafficCounters(Version version, SampleGenerator generator, Instant origin) {
        this.version = version;
        this.generator = generator;
        this.nextSecond = origin.getEpochSecond() + (origin.getNano() > 0 ? 1 : 0);
    }

    /** Counts every whole second before {@code now} not yet counted, and returns the totals. */
    synchronized TrafficTotals advanceTo(Instant now, FleetHistory history) {
        long end = now.getEpochSecond();
        for (long second = nextSecond; second < end; second++) {
            generator.oneSecond(version, Instant.ofEpochSecond(second), history).ifPresent(this::add);
        }
        nextSecond = Math.max(nextSecond, end);
        return new TrafficTotals(requests, errors, latencySumSeconds, Arrays.stream(buckets).boxed().toList());
    }

    private void add(TrafficTotals second) {
        requests += second.requests();
        errors += second.errors();
        latencySumSeconds += second.latencySumSeconds();
        List<Long> counts = second.latencyBuckets();
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] += counts.get(i);
        }
    }
}
