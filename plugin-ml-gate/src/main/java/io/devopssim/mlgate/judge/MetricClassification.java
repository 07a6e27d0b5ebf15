package io.devopssim.mlgate.judge;

import io.devopssim.core.model.MetricStatus;

/**
 * One metric's classification by the Mann-Whitney classifier.
 *
 * @param status       PASS, HIGH, LOW or NO_DATA
 * @param canaryMean   mean of the cleaned canary values (NaN when none)
 * @param baselineMean mean of the cleaned baseline values (NaN when none)
 * @param ratio        canary mean / baseline mean, Kayenta's effect size (NaN when undefined)
 * @param samples      cleaned canary values the test rests on
 * @param reason       one sentence on why
 */
public record MetricClassification(MetricStatus status, double canaryMean, double baselineMean, double ratio,
                                   int samples, String reason) {
}
