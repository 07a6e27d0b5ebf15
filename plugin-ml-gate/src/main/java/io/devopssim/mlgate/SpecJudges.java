package io.devopssim.mlgate;

import io.devopssim.core.judge.Judge;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.mlgate.judge.Direction;
import io.devopssim.mlgate.judge.MannWhitneyConfig;
import io.devopssim.mlgate.judge.MannWhitneyJudge;
import io.devopssim.mlgate.judge.MetricConfig;
import io.devopssim.mlgate.judge.NanStrategy;
import io.devopssim.mlgate.judge.OutlierStrategy;

import java.util.List;
import java.util.Map;

/** The judge a rollout spec's {@code analysis.judge} names, built from its criteria. */
public final class SpecJudges {
    private SpecJudges() {
    }

    public static Judge forSpec(AnalysisSpec analysis) {
        return switch (analysis.judge()) {
            case THRESHOLD -> new ThresholdJudge(analysis);
            case MANN_WHITNEY -> new MannWhitneyJudge(mannWhitney(analysis));
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
