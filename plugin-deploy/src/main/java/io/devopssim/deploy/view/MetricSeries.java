package io.devopssim.deploy.view;

import java.time.Instant;
import java.util.List;

/**
 * One metric across a rollout's analyses: the canary and baseline means at each judged window.
 *
 * @param metric the metric
 * @param points oldest first
 */
public record MetricSeries(String metric, List<Point> points) {
    public MetricSeries {
        points = List.copyOf(points);
    }

    /** The means of one window (null where there was no data). */
    public record Point(Instant time, Integer step, int weight, Double canary, Double baseline, String status) {
    }
}
