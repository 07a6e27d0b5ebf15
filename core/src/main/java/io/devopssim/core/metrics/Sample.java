package io.devopssim.core.metrics;

import java.time.Instant;

/** One point of a metric series. */
public record Sample(Instant time, double value) {
}
