package io.devopssim.mlgate.gate;

import io.devopssim.core.metrics.StandardMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed list of features the gate's model reads, in column order. A model is trained on one schema
 * version and refuses another: change a feature, change {@link #VERSION}.
 *
 * <p>Per judged metric {@code m} (error rate, p50 and p99 latency, CPU):
 * <ul>
 *   <li>{@code m.mean_ratio}: canary mean / baseline mean (both shifted by {@link #EPSILON}, so a zero
 *       baseline gives a large finite ratio instead of infinity)</li>
 *   <li>{@code m.mean_diff}: canary mean - baseline mean, in the metric's unit</li>
 *   <li>{@code m.p50_ratio}, {@code m.p90_ratio}: ratio of the medians and of the 90th percentiles of the
 *       window's points</li>
 *   <li>{@code m.mw_z}: Mann-Whitney z of canary against baseline, tie-corrected (positive: canary higher)</li>
 *   <li>{@code m.canary_slope}: least-squares slope of the canary over the window, per minute, relative
 *       to the baseline mean (a fault that grows shows here before the mean moves)</li>
 * </ul>
 * and for the window: {@code traffic.canary_share} (canary request rate / total) and
 * {@code traffic.canary_rps} (the canary's mean request rate: a fault is harder to see on less traffic).
 */
public final class FeatureSchema {
    public static final String VERSION = "gate-features-v1";
    public static final List<String> METRICS = List.of(StandardMetrics.ERROR_RATE, StandardMetrics.LATENCY_P50_MS,
            StandardMetrics.LATENCY_P99_MS, StandardMetrics.CPU_CORES);
    public static final List<String> PER_METRIC = List.of("mean_ratio", "mean_diff", "p50_ratio", "p90_ratio", "mw_z",
            "canary_slope");
    public static final List<String> TRAFFIC = List.of("traffic.canary_share", "traffic.canary_rps");
    /** Added to both sides of a ratio so that zero error rates compare as equal, not as 0/0. */
    public static final double EPSILON = 1e-6;

    private static final List<String> NAMES = buildNames();

    private FeatureSchema() {
    }

    /** Feature names in column order. */
    public static List<String> names() {
        return NAMES;
    }

    public static int size() {
        return NAMES.size();
    }

    /** The metric a feature is computed from, or {@code request_rate} for the traffic features. */
    public static String metricOf(String feature) {
        return feature.startsWith("traffic.") ? StandardMetrics.REQUEST_RATE : feature.substring(0, feature.indexOf('.'));
    }

    private static List<String> buildNames() {
        List<String> names = new ArrayList<>();
        for (String metric : METRICS) {
            for (String feature : PER_METRIC) {
                names.add(metric + "." + feature);
            }
        }
        names.addAll(TRAFFIC);
        return List.copyOf(names);
    }
}
