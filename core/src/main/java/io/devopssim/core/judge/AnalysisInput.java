package io.devopssim.core.judge;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.metrics.CanaryBaseline;

import java.time.Instant;
import java.util.Map;

/**
 * What a judge sees: every requested metric's series for the window. A metric whose fetch failed is
 * present in {@code unavailable} with the reason, and absent from {@code series}.
 *
 * @param chaos the result of the rollout's latest chaos experiment before this window, as evidence about the
 *              release (a model reads it as features); null when no chaos step ran before it
 */
public record AnalysisInput(Instant windowStart, Instant windowEnd, Map<String, CanaryBaseline> series,
                            Map<String, String> unavailable, ChaosResult chaos) {
    public AnalysisInput {
        series = Map.copyOf(series);
        unavailable = Map.copyOf(unavailable);
    }

    /** A window without chaos evidence. */
    public AnalysisInput(Instant windowStart, Instant windowEnd, Map<String, CanaryBaseline> series,
                         Map<String, String> unavailable) {
        this(windowStart, windowEnd, series, unavailable, null);
    }

    /** The same window with {@code result} (or none, for null) as its chaos evidence. */
    public AnalysisInput withChaos(ChaosResult result) {
        return new AnalysisInput(windowStart, windowEnd, series, unavailable, result);
    }
}
