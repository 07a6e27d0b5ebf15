package io.devopssim.mlgate.gate;

import io.devopssim.core.metrics.StandardMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * and since {@code gate-features-v2}:
 * <ul>
 *   <li>{@code m.canary_mean}, {@code m.baseline_mean}: the levels themselves, in the metric's unit (the
 *       same ratio means little at an idle level and much at a busy one)</li>
 *   <li>{@code m.sd_ratio}: canary standard deviation / baseline's (a fault that makes a metric erratic)</li>
 *   <li>{@code m.welch_t}: Welch's t of the means (the mean difference in units of its standard error)</li>
 * </ul>
 * and for the window: {@code traffic.canary_share} (canary request rate / total),
 * {@code traffic.canary_rps} and {@code traffic.baseline_rps} (mean request rates: a fault is harder to see
 * on less traffic), {@code error_rate.binomial_z} (two-proportion z of the error rates with the window's
 * request counts as sample sizes), and CPU per unit of traffic, {@code cpu_cores.per_rps_canary},
 * {@code cpu_cores.per_rps_baseline} and their ratio {@code cpu_cores.per_rps_ratio} (CPU per pod over the
 * version's request rate: when canary and baseline pods carry different loads, as under a weight split,
 * the CPU ratio alone mixes load with fault).
 *
 * <p>Since {@code gate-features-v3}, the evidence of the rollout's latest chaos experiment on the canary before
 * the window (core's {@code ChaosResult}): {@code chaos.present} (1 when a chaos step ran, else 0), and, NaN
 * (XGBoost's missing) when none ran, {@code chaos.hypothesis_held}, {@code chaos.recovered},
 * {@code chaos.time_to_recover_s} (also NaN when it did not recover), {@code chaos.error_budget_burned},
 * {@code chaos.aborted} and {@code chaos.worst_probe_ratio} (the largest rise of a probe during or after the
 * faults over its level before them). A release that looks healthy in steady state but falls over under a
 * fault shows only here.
 */
public final class FeatureSchema {
    public static final String VERSION = "gate-features-v3";
    public static final List<String> METRICS = List.of(StandardMetrics.ERROR_RATE, StandardMetrics.LATENCY_P50_MS,
            StandardMetrics.LATENCY_P99_MS, StandardMetrics.CPU_CORES);
    public static final List<String> PER_METRIC = List.of("mean_ratio", "mean_diff", "p50_ratio", "p90_ratio", "mw_z",
            "canary_slope", "canary_mean", "baseline_mean", "sd_ratio", "welch_t");
    public static final List<String> TRAFFIC = List.of("traffic.canary_share", "traffic.canary_rps", "traffic.baseline_rps");
    /** Features of one metric read together with the traffic (v2). */
    public static final List<String> WITH_TRAFFIC = List.of("error_rate.binomial_z", "cpu_cores.per_rps_canary",
            "cpu_cores.per_rps_baseline", "cpu_cores.per_rps_ratio");
    /** The chaos evidence (v3), each named for the key of core's {@code ChaosResult.features()} it reads. */
    public static final List<String> CHAOS = List.of("chaos.present", "chaos.hypothesis_held", "chaos.recovered",
            "chaos.time_to_recover_s", "chaos.error_budget_burned", "chaos.aborted", "chaos.worst_probe_ratio");
    /** The metric-like name {@link #metricOf} gives the chaos features. */
    public static final String CHAOS_SOURCE = "chaos";
    /** Added to both sides of a ratio so that zero error rates compare as equal, not as 0/0. */
    public static final double EPSILON = 1e-6;

    private static final List<String> NAMES = buildNames();
    private static final Map<String, Integer> INDEX = buildIndex();

    private FeatureSchema() {
    }

    /** Feature names in column order. */
    public static List<String> names() {
        return NAMES;
    }

    public static int size() {
        return NAMES.size();
    }

    /** The column of a feature. */
    public static int index(String feature) {
        Integer i = INDEX.get(feature);
        if (i == null) {
            throw new IllegalArgumentException("no feature " + feature + " in " + VERSION);
        }
        return i;
    }

    /**
     * The metric a feature is computed from, {@code request_rate} for the traffic features, {@link #CHAOS_SOURCE}
     * for the chaos evidence.
     */
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
        names.addAll(WITH_TRAFFIC);
        names.addAll(CHAOS);
        return List.copyOf(names);
    }

    private static Map<String, Integer> buildIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            index.put(NAMES.get(i), i);
        }
        return Map.copyOf(index);
    }
}
