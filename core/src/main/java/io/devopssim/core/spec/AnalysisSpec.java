package io.devopssim.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How analysis steps judge their window.
 *
 * @param interval   sampling step of the series
 * @param minSamples fewer canary samples than this for any metric is INCONCLUSIVE, never a pass
 * @param metrics    the criteria (read by the threshold and Mann-Whitney judges)
 * @param judge      which judge weighs them
 * @param model      the XGBoost model, for {@code xgboost} and a {@code combined} judge with an xgboost stage:
 *                   a model directory (its {@code CURRENT} version) or one version's directory, as written; null
 *                   otherwise. Whether it loads is checked where the judge is built, before a rollout starts
 * @param threshold  the model's probability of a bad release at or above which it fails the release
 * @param stages     a {@code combined} judge's stages in order; empty for the other judges
 */
public record AnalysisSpec(Duration interval, int minSamples, List<MetricCriterion> metrics, JudgeKind judge,
                           String model, double threshold, List<JudgeKind> stages) {
    /** A model fails a release it thinks more likely bad than healthy, unless the spec says otherwise. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public AnalysisSpec {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(judge, "judge");
        stages = List.copyOf(stages);
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
        }
    }

    /** A judge without a model. */
    public AnalysisSpec(Duration interval, int minSamples, List<MetricCriterion> metrics, JudgeKind judge) {
        this(interval, minSamples, metrics, judge, null, DEFAULT_THRESHOLD, List.of());
    }

    /** Judged by thresholds, the default. */
    public AnalysisSpec(Duration interval, int minSamples, List<MetricCriterion> metrics) {
        this(interval, minSamples, metrics, JudgeKind.THRESHOLD);
    }

    /** The judges that actually run: the stages of a combined judge, or the judge itself. */
    public List<JudgeKind> effectiveStages() {
        return judge == JudgeKind.COMBINED ? stages : List.of(judge);
    }

    /** Whether a model is read: {@code xgboost}, or {@code combined} with an xgboost stage. */
    public boolean usesModel() {
        return effectiveStages().contains(JudgeKind.XGBOOST);
    }
}
