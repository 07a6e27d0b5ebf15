package io.devopssim.core.model;

/**
 * One metric's comparison inside a judgement: the numbers behind the verdict.
 *
 * @param metric    metric name, e.g. {@code error_rate}
 * @param canary    the canary's aggregate over the window (NaN when there was no data)
 * @param baseline  the baseline's aggregate over the window (NaN when there was no data)
 * @param criterion the rule it was held to, human readable ({@code <= 0.02}, {@code <= 1.5x baseline})
 * @param samples   number of canary samples the aggregate rests on
 * @param status    classification
 */
public record MetricResult(String metric, double canary, double baseline, String criterion, int samples,
                           MetricStatus status) {
}
