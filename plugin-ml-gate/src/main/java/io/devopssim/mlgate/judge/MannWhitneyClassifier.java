package io.devopssim.mlgate.judge;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Numbers;

import java.util.Arrays;

/**
 * Classifies one metric the way Kayenta's MannWhitneyClassifier does: the canary is HIGH when the
 * lower end of the confidence interval of the Hodges-Lehmann shift (canary minus baseline) lies above
 * {@code tolerance x |shift|} and the mean ratio exceeds the allowed increase; LOW symmetrically.
 * Where Kayenta stops at "some data", this needs {@code minSamples} finite points on both sides.
 */
final class MannWhitneyClassifier {
    private final MannWhitneyConfig config;
    private final SeriesCleaner cleaner;

    MannWhitneyClassifier(MannWhitneyConfig config) {
        this.config = config;
        this.cleaner = new SeriesCleaner(config.nanStrategy(), config.outlierStrategy(), config.outlierFactor());
    }

    MetricClassification classify(MetricConfig metric, CanaryBaseline series) {
        int canaryFinite = SeriesCleaner.finiteCount(series.canary());
        int baselineFinite = SeriesCleaner.finiteCount(series.baseline());
        double[] canary = cleaner.clean(series.canary());
        double[] baseline = cleaner.clean(series.baseline());
        double canaryMean = mean(canary);
        double baselineMean = mean(baseline);
        double ratio = ratio(canaryMean, baselineMean);
        int needed = config.minSamples();
        if (canaryFinite < needed || baselineFinite < needed || canary.length < needed || baseline.length < needed) {
            return new MetricClassification(MetricStatus.NO_DATA, canaryMean, baselineMean, ratio, canary.length,
                    metric.metric() + ": " + Math.min(canaryFinite, canary.length) + " canary and "
                            + Math.min(baselineFinite, baseline.length) + " baseline points, " + needed + " needed on each side");
        }
        if (allEqual(canary, baseline)) {
            return new MetricClassification(MetricStatus.PASS, canaryMean, baselineMean, 1.0, canary.length,
                    metric.metric() + ": canary and baseline hold one and the same value");
        }
        MannWhitneyResult test = MannWhitney.test(canary, baseline, config.confidence());
        double bound = config.tolerance() * Math.abs(test.estimate());
        String numbers = " (canary mean " + Numbers.format(canaryMean) + ", baseline " + Numbers.format(baselineMean)
                + ", ratio " + Numbers.format(ratio) + ", shift " + Numbers.format(test.estimate()) + " in ["
                + Numbers.format(test.lower()) + ", " + Numbers.format(test.upper()) + "] at "
                + Numbers.format(config.confidence()) + ")";
        if (metric.direction().catchesIncrease() && test.lower() > bound && ratio > metric.allowedIncrease()) {
            return new MetricClassification(MetricStatus.HIGH, canaryMean, baselineMean, ratio, canary.length,
                    metric.metric() + " is higher on the canary" + numbers);
        }
        if (metric.direction().catchesDecrease() && test.upper() < -bound && ratio < metric.allowedDecrease()) {
            return new MetricClassification(MetricStatus.LOW, canaryMean, baselineMean, ratio, canary.length,
                    metric.metric() + " is lower on the canary" + numbers);
        }
        return new MetricClassification(MetricStatus.PASS, canaryMean, baselineMean, ratio, canary.length,
                metric.metric() + " shows no significant shift" + numbers);
    }

    private static boolean allEqual(double[] canary, double[] baseline) {
        double first = canary[0];
        return Arrays.stream(canary).allMatch(v -> v == first) && Arrays.stream(baseline).allMatch(v -> v == first);
    }

    /** A zero baseline: equal to a zero canary, infinitely below any positive one. */
    static double ratio(double canary, double baseline) {
        if (Double.isNaN(canary) || Double.isNaN(baseline)) {
            return Double.NaN;
        }
        if (baseline == 0) {
            return canary == 0 ? 1.0 : Math.copySign(Double.POSITIVE_INFINITY, canary);
        }
        return canary / baseline;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
    }
}
