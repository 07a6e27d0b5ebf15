package io.devopssim.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A window of one metric, sampled every {@code step}. */
public record MetricQuery(String metric, Instant start, Instant end, Duration step) {
    public MetricQuery {
        Objects.requireNonNull(metric, "metric");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after start " + start);
        }
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
    }
}
