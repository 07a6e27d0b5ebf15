package io.devopssim.core.judge;

import io.devopssim.core.metrics.CanaryBaseline;

import java.time.Instant;
import java.util.Map;

/**
 * What a judge sees: every requested metric's series for the window. A metric whose fetch failed is
 * present in {@code unavailable} with the reason, and absent from {@code series}.
 */
public record AnalysisInput(Instant windowStart, Instant windowEnd, Map<String, CanaryBaseline> series,
                            Map<String, String> unavailable) {
    public AnalysisInput {
        series = Map.copyOf(series);
        unavailable = Map.copyOf(unavailable);
    }
}
