package io.devopssim.deploy;

import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code chaos} steps of a rollout: experiments run against the canary through the chaos port, which
 * saves its own state, so calling again after a restart continues one. A broken steady-state hypothesis is
 * evidence against the release; a rollback stops every experiment the rollout may have started.
 */
final class ChaosSteps {
    private final RolloutContext ctx;
    private final Timeline timeline;
    private final List<StepSpec> steps;

    ChaosSteps(RolloutContext ctx, Timeline timeline, List<StepSpec> steps) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.steps = steps;
    }

    /** Checked by the chaos engine, all at once, before anything happens. */
    void validate() throws RolloutException {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof StepSpec.Chaos c) {
                try {
                    ctx.chaos().validate("steps[" + i + "].chaos", c.experiment());
                } catch (InvalidSpecException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RolloutException("invalid chaos experiment:\n" + String.join("\n", problems));
        }
    }

    RolloutState run(RolloutState s, StepSpec.Chaos c, String where) throws RolloutException {
        Instant now = ctx.clock().now();
        ChaosExperiments.Progress p;
        try {
            p = ctx.chaos().advance(experimentId(s.stepIndex()), c.experiment());
        } catch (ChaosBackendException e) {
            RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                    .withOutcome("chaos experiment " + c.name() + " failed: " + e.getMessage());
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.FAILED, where + " chaos " + c.name()
                    + " failed: " + e.getMessage()));
        }
        if (!p.done()) {
            if (s.waitingSince() == null) {
                RolloutState next = s.waiting(now, p.waitUntil());
                return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.CHAOS_STARTED, where + " chaos "
                        + c.name() + " on the canary at " + s.weight() + "%: " + p.message()));
            }
            return timeline.save(s.waiting(s.waitingSince(), p.waitUntil()));
        }
        ChaosResult r = p.result();
        String line = where + " chaos " + c.name() + ": " + r.outcome() + ", hypothesis " + (r.hypothesisHeld() ? "held" : "broken")
                + ", error budget burned " + Numbers.format(r.errorBudgetBurned())
                + (r.timeToRecover() == null ? ", not recovered" : ", recovered in " + Durations.format(r.timeToRecover()));
        RolloutState next = r.hypothesisHeld() ? s.nextStep() : s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                .withOutcome("chaos " + c.name() + ": steady-state hypothesis broken (" + r.outcome() + ")");
        return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.CHAOS, line, s.weight(), null, null, r));
    }

    /** Stops every experiment this rollout may have started: a rollback leaves no fault running. */
    void stopAll(RolloutState s) throws ChaosBackendException {
        int last = Math.min(s.stepIndex(), steps.size() - 1);
        for (int i = 0; i <= last; i++) {
            if (steps.get(i) instanceof StepSpec.Chaos) {
                ctx.chaos().stop(experimentId(i), s.outcome() == null ? "rollback" : s.outcome());
            }
        }
    }

    private String experimentId(int stepIndex) {
        return ctx.rolloutId() + "-chaos-" + (stepIndex + 1);
    }
}
