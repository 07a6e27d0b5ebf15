package io.devopssim.mlgate.gate;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.mlgate.judge.MannWhitney;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an analysis window into the {@link FeatureSchema} vector. A metric that is absent, or has fewer
 * than {@code minSamples} finite points on either side, makes the vector incomplete: the gate then
 * answers INCONCLUSIVE instead of guessing from imputed values.
 *
 * <p>The one exception is a metric the data source is declared not to have at all ({@code notCollected},
 * e.g. CPU for a service that exports only request metrics): when it has no points, its features are NaN,
 * XGBoost's "missing", and the model decides on the others. Declared up front, never inferred from a gap.
 */
public final class FeatureExtractor {
    public static final int DEFAULT_MIN_SAMPLES = 10;

    private final int minSamples;
    private final Set<String> notCollected;

    public FeatureExtractor(int minSamples, Set<String> notCollected) {
        if (minSamples < 3) {
            throw new IllegalArgumentException("minSamples must be at least 3: " + minSamples);
        }
        if (notCollected.contains(StandardMetrics.REQUEST_RATE)) {
            throw new IllegalArgumentException("the request rate is needed: it tells how much traffic the window saw");
        }
        this.minSamples = minSamples;
        this.notCollected = Set.copyOf(notCollected);
    }

    public FeatureExtractor(int minSamples) {
        this(minSamples, Set.of());
    }

    public FeatureExtractor() {
        this(DEFAULT_MIN_SAMPLES);
    }

    public Features extract(AnalysisInput input) {
        List<String> missing = new ArrayList<>();
        float[] values = new float[FeatureSchema.size()];
        Arrays.fill(values, Float.NaN);
        Window traffic = window(input, StandardMetrics.REQUEST_RATE, missing);
        Map<String, Window> windows = new HashMap<>();
        for (String metric : FeatureSchema.METRICS) {
            Window w = window(input, metric, missing);
            if (w == null) {
                continue;
            }
            windows.put(metric, w);
            double[] c = w.canary;
            double[] b = w.baseline;
            double canaryMean = mean(c);
            double baselineMean = mean(b);
            double canarySd = standardDeviation(c, canaryMean);
            double baselineSd = standardDeviation(b, baselineMean);
            put(values, metric, "mean_ratio", ratio(canaryMean, baselineMean));
            put(values, metric, "mean_diff", canaryMean - baselineMean);
            put(values, metric, "p50_ratio", ratio(quantile(c, 0.5), quantile(b, 0.5)));
            put(values, metric, "p90_ratio", ratio(quantile(c, 0.9), quantile(b, 0.9)));
            put(values, metric, "mw_z", MannWhitney.z(c, b));
            put(values, metric, "canary_slope", slopePerMinute(w.canaryTimes, c) / (Math.abs(baselineMean) + FeatureSchema.EPSILON));
            put(values, metric, "canary_mean", canaryMean);
            put(values, metric, "baseline_mean", baselineMean);
            put(values, metric, "sd_ratio", ratio(canarySd, baselineSd));
            double se = Math.sqrt(canarySd * canarySd / c.length + baselineSd * baselineSd / b.length);
            put(values, metric, "welch_t", se > 0 ? (canaryMean - baselineMean) / se : 0);
        }
        if (traffic != null) {
            double canaryRps = mean(traffic.canary);
            double baselineRps = mean(traffic.baseline);
            double total = canaryRps + baselineRps;
            values[FeatureSchema.index("traffic.canary_share")] = (float) (total > 0 ? canaryRps / total : 0);
            values[FeatureSchema.index("traffic.canary_rps")] = (float) canaryRps;
            values[FeatureSchema.index("traffic.baseline_rps")] = (float) baselineRps;
            Window errors = windows.get(StandardMetrics.ERROR_RATE);
            if (errors != null) {
                double seconds = Math.max(1, Duration.between(input.windowStart(), input.windowEnd()).toSeconds());
                values[FeatureSchema.index("error_rate.binomial_z")] = (float) binomialZ(mean(errors.canary), canaryRps * seconds,
                        mean(errors.baseline), baselineRps * seconds);
            }
            Window cpu = windows.get(StandardMetrics.CPU_CORES);
            if (cpu != null) {
                double canaryPerRps = mean(cpu.canary) / (canaryRps + FeatureSchema.EPSILON);
                double baselinePerRps = mean(cpu.baseline) / (baselineRps + FeatureSchema.EPSILON);
                values[FeatureSchema.index("cpu_cores.per_rps_canary")] = (float) canaryPerRps;
                values[FeatureSchema.index("cpu_cores.per_rps_baseline")] = (float) baselinePerRps;
                values[FeatureSchema.index("cpu_cores.per_rps_ratio")] = (float) ratio(canaryPerRps, baselinePerRps);
            }
        }
        chaos(input.chaos(), values);
        return missing.isEmpty() ? new Features(values, List.of()) : new Features(new float[0], missing);
    }

    /**
     * The chaos evidence: {@code chaos.present} is 0 without a result, and the others stay NaN (missing, which
     * XGBoost routes down each split's learned default branch: no chaos is not "the hypothesis held").
     */
    private static void chaos(ChaosResult result, float[] values) {
        values[FeatureSchema.index("chaos.present")] = result == null ? 0 : 1;
        if (result == null) {
            return;
        }
        Map<String, Double> f = result.features();
        for (String feature : FeatureSchema.CHAOS) {
            if (!feature.equals("chaos.present")) {
                // chaos.x reads ChaosResult's chaos_x
                values[FeatureSchema.index(feature)] = f.get(feature.replace('.', '_')).floatValue();
            }
        }
    }

    private static void put(float[] values, String metric, String feature, double value) {
        values[FeatureSchema.index(metric + "." + feature)] = (float) value;
    }

    /**
     * Two-proportion z of the canary's error rate against the baseline's, with the window's request
     * counts as the sample sizes: the same +0.5 % is noise on a few hundred requests and a fault on
     * tens of thousands, which the rates alone cannot tell.
     */
    static double binomialZ(double canaryRate, double canaryRequests, double baselineRate, double baselineRequests) {
        if (canaryRequests < 1 || baselineRequests < 1) {
            return 0;
        }
        double pooled = (canaryRate * canaryRequests + baselineRate * baselineRequests) / (canaryRequests + baselineRequests);
        double variance = pooled * (1 - pooled) * (1 / canaryRequests + 1 / baselineRequests);
        return variance > 0 ? (canaryRate - baselineRate) / Math.sqrt(variance) : 0;
    }

    private static double standardDeviation(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / Math.max(1, values.length - 1));
    }

    private Window window(AnalysisInput input, String metric, List<String> missing) {
        CanaryBaseline series = input.series().get(metric);
        if (notCollected.contains(metric) && (series == null || series.canary().isEmpty() && series.baseline().isEmpty())) {
            return null;
        }
        if (series == null) {
            missing.add(metric + ": no data (" + input.unavailable().getOrDefault(metric, "not fetched") + ")");
            return null;
        }
        List<Sample> canary = finite(series.canary());
        List<Sample> baseline = finite(series.baseline());
        if (canary.size() < minSamples || baseline.size() < minSamples) {
            missing.add(metric + ": " + canary.size() + " canary and " + baseline.size() + " baseline points, "
                    + minSamples + " needed on each side");
            return null;
        }
        return new Window(values(canary), values(baseline), canary.stream().map(Sample::time).toArray(Instant[]::new));
    }

    private static List<Sample> finite(List<Sample> samples) {
        return samples.stream().filter(s -> Double.isFinite(s.value())).toList();
    }

    private static double[] values(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).toArray();
    }

    private static double ratio(double canary, double baseline) {
        return (canary + FeatureSchema.EPSILON) / (baseline + FeatureSchema.EPSILON);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double slopePerMinute(Instant[] times, double[] values) {
        Instant origin = times[0];
        double[] minutes = Arrays.stream(times).mapToDouble(t -> (t.toEpochMilli() - origin.toEpochMilli()) / 60_000.0).toArray();
        double meanX = Arrays.stream(minutes).average().orElse(0);
        double meanY = mean(values);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < values.length; i++) {
            sxy += (minutes[i] - meanX) * (values[i] - meanY);
            sxx += (minutes[i] - meanX) * (minutes[i] - meanX);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private record Window(double[] canary, double[] baseline, Instant[] canaryTimes) {
    }
}
