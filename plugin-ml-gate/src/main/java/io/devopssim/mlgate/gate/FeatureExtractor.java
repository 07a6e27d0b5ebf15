package io.devopssim.mlgate.gate;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.mlgate.judge.MannWhitney;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        int column = 0;
        for (String metric : FeatureSchema.METRICS) {
            Window w = window(input, metric, missing);
            if (w != null) {
                double[] c = w.canary;
                double[] b = w.baseline;
                double canaryMean = mean(c);
                double baselineMean = mean(b);
                values[column] = (float) ratio(canaryMean, baselineMean);
                values[column + 1] = (float) (canaryMean - baselineMean);
                values[column + 2] = (float) ratio(quantile(c, 0.5), quantile(b, 0.5));
                values[column + 3] = (float) ratio(quantile(c, 0.9), quantile(b, 0.9));
                values[column + 4] = (float) MannWhitney.z(c, b);
                values[column + 5] = (float) (slopePerMinute(w.canaryTimes, c) / (Math.abs(baselineMean) + FeatureSchema.EPSILON));
            }
            column += FeatureSchema.PER_METRIC.size();
        }
        Window traffic = window(input, StandardMetrics.REQUEST_RATE, missing);
        if (traffic != null) {
            double canaryRps = mean(traffic.canary);
            double total = canaryRps + mean(traffic.baseline);
            values[column] = (float) (total > 0 ? canaryRps / total : 0);
            values[column + 1] = (float) canaryRps;
        }
        return missing.isEmpty() ? new Features(values, List.of()) : new Features(new float[0], missing);
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
