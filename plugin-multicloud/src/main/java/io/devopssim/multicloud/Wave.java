package io.devopssim.multicloud;

import io.devopssim.core.spec.AnalysisCheck;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.BlueGreenSpec;
import io.devopssim.core.spec.RollingSpec;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.spec.Strategy;

import java.time.Duration;
import java.util.List;

/**
 * One group of clusters released together: each gets the wave's rollout (its own canary, judged by the wave's
 * gate), and the wave has passed when every cluster still in it is promoted and stayed healthy for the soak.
 *
 * @param name     a DNS label, unique in the plan (it names commits)
 * @param clusters cluster names from the registry; a cluster is in at most one wave
 * @param strategy  the rollout strategy of every cluster in the wave (plugin-deploy's engines)
 * @param steps     the rollout's steps (canary and hybrid)
 * @param analysis  the wave's gate (the plan's when the wave has none)
 * @param blueGreen the blue-green section (blue-green and hybrid), or null
 * @param rolling   the rolling-update section (rolling), or null
 * @param soak      how long the promoted wave must stay healthy before the next wave starts (zero: no soak)
 */
public record Wave(String name, List<String> clusters, Strategy strategy, List<StepSpec> steps, AnalysisSpec analysis,
                   BlueGreenSpec blueGreen, RollingSpec rolling, Duration soak) {
    public Wave {
        clusters = List.copyOf(clusters);
        steps = List.copyOf(steps);
    }

    /**
     * How long the wave takes when all goes well, for load forecasts: its pauses, analysis windows, blue-green
     * analyses and scale-down delay, one rolling health check, and its soak.
     */
    public Duration expectedDuration() {
        Duration total = soak.plus(window(rolling == null ? null : rolling.healthCheck()));
        if (blueGreen != null) {
            total = total.plus(window(blueGreen.prePromotionAnalysis())).plus(window(blueGreen.postPromotionAnalysis()))
                    .plusSeconds(blueGreen.scaleDownDelaySeconds());
        }
        for (StepSpec step : steps) {
            if (step instanceof StepSpec.Pause p && !p.untilApproved()) {
                total = total.plus(p.duration());
            } else if (step instanceof StepSpec.Analysis a) {
                total = total.plus(a.window());
            }
        }
        return total;
    }

    private static Duration window(AnalysisCheck check) {
        return check == null ? Duration.ZERO : check.window();
    }
}
