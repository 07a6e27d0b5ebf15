package io.devopssim.mlgate;

import io.devopssim.core.judge.Judge;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.mlgate.anomaly.CanaryAnomalyJudge;
import io.devopssim.mlgate.gate.CombinedGate;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.GateModel;
import io.devopssim.mlgate.gate.ModelDirectory;
import io.devopssim.mlgate.gate.XgboostGate;
import io.devopssim.mlgate.judge.Direction;
import io.devopssim.mlgate.judge.MannWhitneyConfig;
import io.devopssim.mlgate.judge.MannWhitneyJudge;
import io.devopssim.mlgate.judge.MetricConfig;
import io.devopssim.mlgate.judge.NanStrategy;
import io.devopssim.mlgate.judge.OutlierStrategy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The judge a rollout spec's {@code analysis.judge} names, built from its criteria (and its model). */
public final class SpecJudges {
    private SpecJudges() {
    }

    /** With a model path relative to the working directory. */
    public static SpecJudge forSpec(AnalysisSpec analysis) {
        return forSpec(analysis, Path.of(""));
    }

    /**
     * Builds the judge, loading its model first: an unreadable model, a directory without a current model or a
     * model of another feature schema is a {@link io.devopssim.mlgate.gate.ModelException} naming the path, so
     * a rollout fails before it starts rather than at its first analysis.
     *
     * @param base what a relative {@code model} path is relative to (the spec file's directory, a workspace)
     */
    public static SpecJudge forSpec(AnalysisSpec analysis, Path base) {
        GateModel model = null;
        String modelName = null;
        if (analysis.usesModel()) {
            ModelDirectory.Opened opened = ModelDirectory.open(analysis.model(), base);
            model = opened.stored().model();
            modelName = opened.description();
        }
        List<CombinedGate.Stage> stages = new ArrayList<>();
        for (JudgeKind kind : analysis.effectiveStages()) {
            stages.add(new CombinedGate.Stage(kind.yamlName(), stage(kind, analysis, model)));
        }
        String modelNote = model == null ? "" : " (model " + modelName + ", threshold " + Numbers.format(analysis.threshold()) + ")";
        if (analysis.judge() == JudgeKind.COMBINED) {
            return new SpecJudge(new CombinedGate(stages), model, "combined: "
                    + String.join(", ", stages.stream().map(CombinedGate.Stage::name).toList()) + modelNote);
        }
        return new SpecJudge(stages.get(0).judge(), model, analysis.judge().yamlName() + modelNote);
    }

    private static Judge stage(JudgeKind kind, AnalysisSpec analysis, GateModel model) {
        return switch (kind) {
            case THRESHOLD -> new ThresholdJudge(analysis);
            case MANN_WHITNEY -> new MannWhitneyJudge(mannWhitney(analysis));
            // the spec's minSamples holds for the model too: fewer points is INCONCLUSIVE, never a guess
            case XGBOOST -> new XgboostGate(model, new FeatureExtractor(Math.max(3, analysis.minSamples())),
                    analysis.threshold(), XgboostGate.DEFAULT_REASONS);
            case ANOMALY -> new CanaryAnomalyJudge(analysis.metrics().stream().map(MetricCriterion::metric).distinct().toList());
            case COMBINED -> throw new IllegalArgumentException("a combined judge is not a stage of itself");
        };
    }

    /**
     * Each criterion becomes a metric that must not move the bad way: up, unless only a minimum is given.
     * A {@code maxRatio} is the allowed effect size; a metric with an absolute {@code max} is critical, since
     * its author named a hard limit.
     */
    static MannWhitneyConfig mannWhitney(AnalysisSpec analysis) {
        List<MetricConfig> metrics = analysis.metrics().stream().map(SpecJudges::metric).toList();
        return new MannWhitneyConfig(metrics, Map.of(), MannWhitneyConfig.DEFAULT_CONFIDENCE,
                MannWhitneyConfig.DEFAULT_TOLERANCE, Math.max(3, analysis.minSamples()), NanStrategy.REMOVE,
                OutlierStrategy.KEEP, MannWhitneyConfig.DEFAULT_OUTLIER_FACTOR, MannWhitneyConfig.DEFAULT_PASS,
                MannWhitneyConfig.DEFAULT_MARGINAL);
    }

    private static MetricConfig metric(MetricCriterion c) {
        boolean onlyMin = c.min() != null && c.max() == null && c.maxRatio() == null;
        double allowedIncrease = c.maxRatio() != null && c.maxRatio() >= 1 ? c.maxRatio() : 1.0;
        return new MetricConfig(c.metric(), c.metric(), onlyMin ? Direction.DECREASE : Direction.INCREASE,
                allowedIncrease, 1.0, c.max() != null);
    }
}
