package io.devopssim.mlgate.judge;

import java.util.List;
import java.util.Map;

/**
 * Settings of the Mann-Whitney judge. The defaults are Kayenta's: confidence 0.98 and tolerance 0.25
 * (NetflixACAJudge), NaNs removed, outliers kept with an IQR factor of 3 when removal is asked for, and
 * the score thresholds its documentation uses as an example (pass 75, marginal 50).
 *
 * @param metrics           what to judge
 * @param groupWeights      weight of each group in the score; a group not named here shares what is left
 *                          equally with the other unnamed groups (Kayenta's WeightedSumScorer)
 * @param confidence        two-sided confidence level of the shift's interval
 * @param tolerance         the interval must clear this fraction of the Hodges-Lehmann shift
 * @param minSamples        fewer finite points than this on either side is NO_DATA
 * @param nanStrategy       what NaN points become
 * @param outlierStrategy   whether points beyond the IQR fences are dropped
 * @param outlierFactor     the fences are this many IQRs beyond the quartiles
 * @param passThreshold     score at or above which the analysis may pass
 * @param marginalThreshold score below which the analysis fails
 */
public record MannWhitneyConfig(List<MetricConfig> metrics, Map<String, Double> groupWeights, double confidence,
                                double tolerance, int minSamples, NanStrategy nanStrategy,
                                OutlierStrategy outlierStrategy, double outlierFactor, double passThreshold,
                                double marginalThreshold) {
    public static final double DEFAULT_CONFIDENCE = 0.98;
    public static final double DEFAULT_TOLERANCE = 0.25;
    public static final int DEFAULT_MIN_SAMPLES = 10;
    public static final double DEFAULT_OUTLIER_FACTOR = 3.0;
    public static final double DEFAULT_PASS = 75;
    public static final double DEFAULT_MARGINAL = 50;

    public MannWhitneyConfig {
        metrics = List.copyOf(metrics);
        groupWeights = Map.copyOf(groupWeights);
        if (!(marginalThreshold <= passThreshold)) {
            throw new IllegalArgumentException("marginal threshold " + marginalThreshold + " is above pass threshold " + passThreshold);
        }
        if (minSamples < 3) {
            throw new IllegalArgumentException("minSamples must be at least 3: " + minSamples);
        }
        double named = groupWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (groupWeights.values().stream().anyMatch(w -> !(w >= 0)) || named > 100 + 1e-9) {
            throw new IllegalArgumentException("group weights must be non-negative and add up to at most 100: " + groupWeights);
        }
    }

    /** Kayenta's defaults for the given metrics, equal group weights. */
    public static MannWhitneyConfig defaults(List<MetricConfig> metrics) {
        return new MannWhitneyConfig(metrics, Map.of(), DEFAULT_CONFIDENCE, DEFAULT_TOLERANCE, DEFAULT_MIN_SAMPLES,
                NanStrategy.REMOVE, OutlierStrategy.KEEP, DEFAULT_OUTLIER_FACTOR, DEFAULT_PASS, DEFAULT_MARGINAL);
    }

    public MannWhitneyConfig withGroupWeights(Map<String, Double> weights) {
        return new MannWhitneyConfig(metrics, weights, confidence, tolerance, minSamples, nanStrategy,
                outlierStrategy, outlierFactor, passThreshold, marginalThreshold);
    }

    public MannWhitneyConfig withNanStrategy(NanStrategy strategy) {
        return new MannWhitneyConfig(metrics, groupWeights, confidence, tolerance, minSamples, strategy,
                outlierStrategy, outlierFactor, passThreshold, marginalThreshold);
    }

    public MannWhitneyConfig withOutlierStrategy(OutlierStrategy strategy) {
        return new MannWhitneyConfig(metrics, groupWeights, confidence, tolerance, minSamples, nanStrategy,
                strategy, outlierFactor, passThreshold, marginalThreshold);
    }
}
