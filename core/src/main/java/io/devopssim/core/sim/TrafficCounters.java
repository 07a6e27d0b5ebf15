package io.devopssim.core.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Accumulates one version's traffic second by second, up to the last whole second before now.
 * Each second's traffic is a pure sample, so the totals depend only on the history and the time
 * asked, not on how often anyone asked: scraping every second or once an hour gives the same numbers.
 */
final class TrafficCounters {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final Version version;
    private final SampleGenerator generator;
    private final double[] bounds = TrafficTotals.BUCKET_BOUNDS_SECONDS.stream().mapToDouble(Double::doubleValue).toArray();

    // guarded by this
    private long nextSecond;
    private long requests;
    private long errors;
    private double latencySumSeconds;
    private final long[] buckets = new long[bounds.length];

    TrafficCounters(Version version, SampleGenerator generator, Instant origin) {
        this.version = version;
        this.generator = generator;
        this.nextSecond = origin.getEpochSecond() + (origin.getNano() > 0 ? 1 : 0);
    }

    /** Counts every whole second before {@code now} not yet counted, and returns the totals. */
    synchronized TrafficTotals advanceTo(Instant now, FleetHistory history) {
        long end = now.getEpochSecond();
        for (long second = nextSecond; second < end; second++) {
            generator.sample(version, Instant.ofEpochSecond(second), history, ONE_SECOND, SampleRandom.SALT_COUNTER)
                    .ifPresent(this::add);
        }
        nextSecond = Math.max(nextSecond, end);
        return new TrafficTotals(requests, errors, latencySumSeconds, java.util.Arrays.stream(buckets).boxed().toList());
    }

    private void add(VersionSample second) {
        long n = second.requests();
        requests += n;
        errors += second.errors();
        latencySumSeconds += n * second.latency().mean() / 1_000;
        for (int i = 0; i < bounds.length; i++) {
            // rounding a non-decreasing fraction of n keeps the buckets cumulative and at most n
            buckets[i] += Math.round(n * second.latency().cdf(bounds[i] * 1_000));
        }
    }
}
