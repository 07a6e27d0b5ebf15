package io.devopssim.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * How analysis steps judge their window.
 *
 * @param interval   sampling step of the series
 * @param minSamples fewer canary samples than this for any metric is INCONCLUSIVE, never a pass
 * @param metrics    the criteria
 * @param judge      which judge weighs them
 */
public record AnalysisSpec(Duration interval, int minSamples, List<MetricCriterion> metrics, JudgeKind judge) {
    public AnalysisSpec {
        metrics = List.copyOf(metrics);
        java.util.Objects.requireNonNull(judge, "judge");
    }

    /** Judged by thresholds, the default. */
    public AnalysisSpec(Duration interval, int minSamples, List<MetricCriterion> metrics) {
        this(interval, minSamples, metrics, JudgeKind.THRESHOLD);
    }
}
