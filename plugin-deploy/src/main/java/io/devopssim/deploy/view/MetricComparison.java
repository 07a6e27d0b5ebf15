package io.devopssim.deploy.view;

/**
 * One metric of one analysis: canary against baseline.
 *
 * @param metric    e.g. {@code error_rate}
 * @param canary    the canary's mean over the window, or null without data (never NaN: charts read null as a gap)
 * @param baseline  the baseline's mean, or null without data
 * @param criterion the rule, e.g. {@code <= 0.02}
 * @param samples   canary samples the mean rests on
 * @param status    the metric's classification
 */
public record MetricComparison(String metric, Double canary, Double baseline, String criterion, int samples,
                               String status) {
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
