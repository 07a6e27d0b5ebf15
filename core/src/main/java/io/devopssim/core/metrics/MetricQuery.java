package io.devopssim.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A window of one metric, sampled every {@code step}. */
public record MetricQuery(String metric, Instant start, Instant end, Duration step) {
    /**
     * Most points a provider need return per series: Prometheus refuses {@code query_range} beyond
     * 11,000, and the simulator keeps the same limit so that a window that runs on it runs on Prometheus.
     */
    public static final int MAX_POINTS = 11_000;

    public MetricQuery {
        Objects.requireNonNull(metric, "metric");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after start " + start);
        }
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
    }

    /** Sample times in the window: {@code start}, {@code start + step}, ... before {@code end}. */
    public long points() {
        Duration window = Duration.between(start, end);
        long whole = window.dividedBy(step);
        return step.multipliedBy(whole).equals(window) ? whole : whole + 1;
    }
}
