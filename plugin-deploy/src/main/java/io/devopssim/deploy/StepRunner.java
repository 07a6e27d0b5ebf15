package io.devopssim.deploy;

import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Instant;
import java.util.List;

/**
 * Runs the canary steps of a spec ({@code setWeight}, {@code pause}, {@code analysis}, {@code chaos},
 * {@code setCanaryScale}), one transition at a time, for the canary and for a hybrid's canary phase.
 * {@link RolloutState#stepIndex()} is the step to run.
 */
final class StepRunner {
    private final RolloutContext ctx;
    private final Timeline timeline;
    private final List<StepSpec> steps;
    private final AnalysisWindow analysis;
    private final ChaosSteps chaos;
    private final CanaryScaleSteps scale;
    private final TrafficMove move;

    StepRunner(RolloutContext ctx, Timeline timeline, List<StepSpec> steps) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.steps = steps;
        this.analysis = new AnalysisWindow(ctx, timeline);
        this.chaos = new ChaosSteps(ctx, timeline, steps);
        this.scale = new CanaryScaleSteps(ctx, timeline, steps);
        this.move = new TrafficMove(ctx, timeline);
    }

    /** Everything the steps need from this runtime, checked before anything happens. */
    void validate() throws RolloutException {
        chaos.validate();
        scale.validate();
    }

    boolean done(RolloutState s) {
        return s.stepIndex() >= steps.size();
    }

    ChaosSteps chaos() {
        return chaos;
    }

    CanaryScaleSteps scale() {
        return scale;
    }

    RolloutState run(RolloutState s) throws RolloutException {
        StepSpec step = steps.get(s.stepIndex());
        String where = "step " + (s.stepIndex() + 1) + "/" + steps.size();
        Instant now = ctx.clock().now();
        if (step instanceof StepSpec.SetWeight w) {
            return setWeight(s, w, where);
        }
        if (step instanceof StepSpec.Pause p && p.untilApproved()) {
            RolloutState next = s.withPhase(RolloutPhase.PAUSED).waiting(now, null);
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.PAUSE_STARTED, where + " paused until approved"));
        }
        if (step instanceof StepSpec.Pause p) {
            if (s.waitingSince() == null) {
                RolloutState next = s.waiting(now, now.plus(p.duration()));
                return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.PAUSE_STARTED, where + " pause "
                        + Durations.format(p.duration())));
            }
            RolloutState next = s.nextStep();
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.PAUSE_ENDED, where + " pause over"));
        }
        if (step instanceof StepSpec.Analysis a) {
            String window = Durations.format(a.window());
            return analysis.run(s, a.window(), Analyses.Target.LIVE, ctx.spec().analysis(), new AnalysisWindow.Wording(
                    where + " analysis: watching a " + window + " window at weight " + s.weight() + "%",
                    where + " analysis " + window + " at " + s.weight() + "%: ", ""));
        }
        if (step instanceof StepSpec.Chaos c) {
            return chaos.run(s, c, where);
        }
        if (step instanceof StepSpec.SetCanaryScale c) {
            return scale.run(s, c, where);
        }
        throw new IllegalStateException("unknown step " + step);
    }

    /**
     * Rolls back: stops every chaos experiment and puts the canary's replicas back to its weight first, so a
     * rollback leaves no fault running and no replica behind; then {@code promotion} takes traffic back.
     */
    RolloutState rollBack(RolloutState s, Promotion promotion) throws RolloutException {
        try {
            chaos.stopAll(s);
        } catch (ChaosBackendException e) {
            return promotion.retryOrFail(s, "could not halt a chaos experiment: " + e.getMessage());
        }
        try {
            s = scale.reset(s, "rollback");
        } catch (TrafficRoutingException e) {
            return promotion.retryOrFail(s, "could not scale the canary back to its weight: " + e.getMessage());
        }
        return promotion.rollBack(s);
    }

    /** Sets the step's weight as the change {@code step-N} ({@link TrafficMove}: a GitOps commit is waited for). */
    private RolloutState setWeight(RolloutState s, StepSpec.SetWeight w, String where) throws RolloutException {
        return move.run(s, move.change("step-" + (s.stepIndex() + 1), w.weight(), null), where + " setWeight " + w.weight(),
                where + " setWeight " + w.weight() + ": canary gets " + w.weight() + "% of requests");
    }
}
