package io.devopssim.core.history;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The canary and baseline series of the window that decided a rollout, for every standard metric: what a
 * model is trained on. Stored as series rather than as a feature vector so that history stays usable when
 * the feature schema changes (features are recomputed from it by the trainer of the day).
 *
 * @param stepIndex   the analysis step that judged it
 * @param weight      the canary's traffic percentage during it
 * @param start       window start
 * @param end         window end
 * @param interval    the sampling step
 * @param series      per metric, baseline and canary points (finite values only)
 * @param unavailable metrics the source could not serve, with the reason
 * @param chaos       the chaos result the judge had as evidence (the rollout's latest before the window), or
 *                    null (none ran; and in history format 1, which did not record it)
 */
public record AnalysisWindow(int stepIndex, int weight, Instant start, Instant end, Duration interval,
                             Map<String, Sides> series, Map<String, String> unavailable, ChaosResult chaos) {
    public AnalysisWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        series = Map.copyOf(series == null ? Map.of() : series);
        unavailable = Map.copyOf(unavailable == null ? Map.of() : unavailable);
    }

    public static AnalysisWindow of(AnalysisInput input, int stepIndex, int weight, Duration interval) {
        Map<String, Sides> series = new LinkedHashMap<>();
        input.series().forEach((metric, cb) ->
                series.put(metric, new Sides(SeriesPoints.of(cb.baseline()), SeriesPoints.of(cb.canary()))));
        return new AnalysisWindow(stepIndex, weight, input.windowStart(), input.windowEnd(), interval, series,
                input.unavailable(), input.chaos());
    }

    /** The window as a judge sees it. */
    public AnalysisInput toInput() {
        Map<String, CanaryBaseline> out = new LinkedHashMap<>();
        series.forEach((metric, s) -> out.put(metric, new CanaryBaseline(metric, s.baseline().samples(), s.canary().samples())));
        return new AnalysisInput(start, end, out, unavailable, chaos);
    }

    /** Baseline and canary of one metric. */
    public record Sides(SeriesPoints baseline, SeriesPoints canary) {
        public Sides {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(canary, "canary");
        }
    }
}
