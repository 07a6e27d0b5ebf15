package io.devopssim.deploy.view;

import java.time.Instant;
import java.util.List;

/**
 * One judged analysis window.
 *
 * @param time    when it was judged
 * @param step    1-based step number
 * @param weight  canary weight during the window
 * @param verdict PASSED, FAILED, INCONCLUSIVE or ERROR
 * @param score   0..100
 * @param metrics every metric, canary against baseline
 * @param reasons the judge's reasons, most important first
 */
public record AnalysisPoint(Instant time, Integer step, int weight, String verdict, double score,
                            List<MetricComparison> metrics, List<String> reasons) {
    public AnalysisPoint {
        metrics = List.copyOf(metrics);
        reasons = List.copyOf(reasons);
    }
}
