package io.devopssim.core.sim;

import java.util.List;

/**
 * One version's cumulative traffic since the simulator started: what Prometheus counters and a
 * latency histogram report. Never decreases while the clock moves forward.
 *
 * @param requests          requests served
 * @param errors            requests failed
 * @param latencySumSeconds total time spent serving them
 * @param latencyBuckets    cumulative counts of requests at most {@link #BUCKET_BOUNDS_SECONDS} long,
 *                          one per bound (the +Inf bucket is {@code requests})
 */
public record TrafficTotals(long requests, long errors, double latencySumSeconds, List<Long> latencyBuckets) {
    /** The Prometheus client libraries' default buckets: they bracket a 40 ms median and its tail. */
    public static final List<Double> BUCKET_BOUNDS_SECONDS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    public static final TrafficTotals ZERO =
            new TrafficTotals(0, 0, 0, BUCKET_BOUNDS_SECONDS.stream().map(b -> 0L).toList());

    public TrafficTotals {
        latencyBuckets = List.copyOf(latencyBuckets);
        if (latencyBuckets.size() != BUCKET_BOUNDS_SECONDS.size()) {
            throw new IllegalArgumentException("one bucket count per bound expected");
        }
    }
}
