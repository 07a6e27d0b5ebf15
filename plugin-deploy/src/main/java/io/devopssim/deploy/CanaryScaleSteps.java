package io.devopssim.deploy;

import io.devopssim.core.forecast.ForecastException;
import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.CanaryScaler;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.util.List;

/**
 * The {@code setCanaryScale} steps: the canary's replicas apart from its weight, through the optional
 * {@link CanaryScaler} port (the simulator has it; a router without it is refused before the rollout starts).
 * The scale in force follows from the steps already run, so it is never saved apart; a promotion or a rollback
 * puts it back to matching the weight (an event without a step), so the emptied canary runs no replica.
 * A forecast scale is sized when its step runs ({@link CanarySizing}), and sized again after a restart.
 */
final class CanaryScaleSteps {
    private final RolloutContext ctx;
    private final Timeline timeline;
    private final List<StepSpec> steps;

    CanaryScaleSteps(RolloutContext ctx, Timeline timeline, List<StepSpec> steps) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.steps = steps;
    }

    void validate() throws RolloutException {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof StepSpec.SetCanaryScale && !(ctx.router() instanceof CanaryScaler)) {
                throw new RolloutException("steps[" + i + "].setCanaryScale: the traffic router ("
                        + ctx.router().getClass().getSimpleName() + ") cannot scale the canary apart from its weight");
            }
            if (steps.get(i) instanceof StepSpec.SetCanaryScale c && c.scale().needsForecast() && !ctx.forecasts().available()) {
                throw new RolloutException("steps[" + i + "].setCanaryScale.forecast: no load forecaster is available"
                        + " (devsim-ml-gate provides one)");
            }
        }
    }

    RolloutState run(RolloutState s, StepSpec.SetCanaryScale step, String where) throws RolloutException {
        CanarySizing.Sized sized;
        try {
            sized = CanarySizing.size(step.scale(), ctx.forecasts());
        } catch (ForecastException e) {
            // no forecast, no guess: the canary is not left at a size nobody asked for
            RolloutState failed = s.withPhase(RolloutPhase.ROLLING_BACK).withOutcome("canary sizing failed: " + e.getMessage());
            return timeline.record(failed, timeline.event(failed, s.stepIndex(), Kind.FAILED, where + " setCanaryScale: "
                    + e.getMessage()));
        }
        try {
            scaler().setCanaryScale(sized.scale());
        } catch (TrafficRoutingException e) {
            RolloutState failed = s.withPhase(RolloutPhase.ROLLING_BACK).withOutcome("traffic router failed: " + e.getMessage());
            return timeline.record(failed, timeline.event(failed, s.stepIndex(), Kind.FAILED, where + " setCanaryScale failed: "
                    + e.getMessage()));
        }
        RolloutState next = s.nextStep();
        return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.SCALE, where + " setCanaryScale: the canary runs "
                + sized.scale().describe() + " at " + s.weight() + "% of requests" + sized.note(s.weight())));
    }

    /** After a restart: the scale the saved state is at (a router may have lost it). */
    void restore(RolloutState s) throws TrafficRoutingException {
        if (usesScale()) {
            scaler().setCanaryScale(reset(s) ? CanaryScale.MATCH_TRAFFIC_WEIGHT : CanarySizing.restored(inForce(s), ctx.forecasts()));
        }
    }

    /** Puts the canary's replicas back to matching its weight, once, if a step changed them. */
    RolloutState reset(RolloutState s, String why) throws RolloutException, TrafficRoutingException {
        if (!usesScale() || reset(s) || inForce(s).matchesTrafficWeight()) {
            return s;
        }
        scaler().setCanaryScale(CanaryScale.MATCH_TRAFFIC_WEIGHT);
        return timeline.record(s, timeline.event(s, -1, Kind.SCALE, why + ": the canary runs "
                + CanaryScale.MATCH_TRAFFIC_WEIGHT.describe()));
    }

    /** The scale the last {@code setCanaryScale} step run set, or matching the weight. */
    private CanaryScale inForce(RolloutState s) {
        for (int i = Math.min(s.stepIndex(), steps.size()) - 1; i >= 0; i--) {
            if (steps.get(i) instanceof StepSpec.SetCanaryScale scale) {
                return scale.scale();
            }
        }
        return CanaryScale.MATCH_TRAFFIC_WEIGHT;
    }

    /** Whether the rollout already put the scale back (its last scale event belongs to no step). */
    private static boolean reset(RolloutState s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            RolloutEvent e = s.events().get(i);
            if (e.kind() == Kind.SCALE) {
                return e.stepIndex() == -1;
            }
        }
        return false;
    }

    private boolean usesScale() {
        return steps.stream().anyMatch(StepSpec.SetCanaryScale.class::isInstance);
    }

    private CanaryScaler scaler() {
        return (CanaryScaler) ctx.router();
    }
}
