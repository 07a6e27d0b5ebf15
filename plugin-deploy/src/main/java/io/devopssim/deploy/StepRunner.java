package io.devopssim.deploy;

import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs the canary steps of a spec ({@code setWeight}, {@code pause}, {@code analysis}, {@code chaos},
 * {@code setCanaryScale}), one transition at a time, for the canary and for a hybrid's canary phase.
 * {@link RolloutState#stepIndex()} is the step to run.
 */
final class StepRunner {
    private static final Duration WEIGHT_CHECK_INTERVAL = Duration.ofSeconds(10);
    private final RolloutContext ctx;
    private final Timeline timeline;
    private final List<StepSpec> steps;
    private final AnalysisWindow analysis;
    private final ChaosSteps chaos;
    private final CanaryScaleSteps scale;

    StepRunner(RolloutContext ctx, Timeline timeline, List<StepSpec> steps) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.steps = steps;
        this.analysis = new AnalysisWindow(ctx, timeline);
        this.chaos = new ChaosSteps(ctx, timeline, steps);
        this.scale = new CanaryScaleSteps(ctx, timeline, steps);
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

    /**
     * Sets the step's weight as the change {@code step-N}. A router whose change takes effect only once a
     * deployment controller applies it (GitOps: a commit Argo CD syncs) names that revision; the step then
     * waits, polling the verifier as the promotion does and holding no thread, and goes on only once the
     * deployment is synced and healthy at it.
     */
    private RolloutState setWeight(RolloutState s, StepSpec.SetWeight w, String where) throws RolloutException {
        if (s.waitingSince() != null) {
            return weightApplied(s, w, where);
        }
        String line = where + " setWeight " + w.weight() + ": canary gets " + w.weight() + "% of requests";
        Optional<String> pending;
        try {
            pending = ctx.router().changeCanaryWeight(w.weight(), "step-" + (s.stepIndex() + 1));
            if (pending.isPresent() && ctx.verifier().enabled()) {
                ctx.verifier().begin(pending.get());
            }
        } catch (TrafficRoutingException | DeploymentVerifier.VerificationException e) {
            RolloutState failed = s.withPhase(RolloutPhase.ROLLING_BACK).withOutcome("traffic router failed: " + e.getMessage());
            return timeline.record(failed, timeline.event(failed, s.stepIndex(), Kind.FAILED, where + " setWeight " + w.weight()
                    + " failed: " + e.getMessage()));
        }
        Instant now = ctx.clock().now();
        if (pending.isEmpty() || !ctx.verifier().enabled()) {
            RolloutState next = s.nextStep();
            return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT,
                    line + pending.map(c -> " (commit " + Timeline.shortId(c) + ")").orElse(""), w.weight(), null,
                    pending.orElse(null)));
        }
        RolloutState next = s.waiting(now, now);
        return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT, line
                + " once the deployment is synced at commit " + Timeline.shortId(pending.get()), w.weight(), null, pending.get()));
    }

    /**
     * The step's weight commit is made: is the deployment synced and healthy at it? A controller that cannot be
     * asked is asked again later; the verifier's timeout ends the wait.
     */
    private RolloutState weightApplied(RolloutState s, StepSpec.SetWeight w, String where) throws RolloutException {
        String commit = weightCommit(s);
        Instant now = ctx.clock().now();
        DeploymentVerifier.Check check;
        try {
            check = ctx.verifier().check(commit, s.waitingSince());
        } catch (DeploymentVerifier.VerificationException e) {
            RolloutState next = s.waiting(s.waitingSince(), now.plus(WEIGHT_CHECK_INTERVAL));
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.RETRY, where + " setWeight " + w.weight()
                    + ": " + e.getMessage() + "; asking again at " + next.waitUntil()));
        }
        switch (check.status()) {
            case PENDING:
                return timeline.save(s.waiting(s.waitingSince(), now.plus(WEIGHT_CHECK_INTERVAL)));
            case DONE: {
                RolloutState next = s.nextStep();
                return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT, where + " setWeight "
                        + w.weight() + " applied: " + check.message(), w.weight(), null, commit));
            }
            default: {
                RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                        .withOutcome("deployment failed at canary weight " + w.weight() + ": " + check.message());
                return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.FAILED, where + " setWeight "
                        + w.weight() + " failed: " + check.message()));
            }
        }
    }

    /** The commit the current step's weight change made (recorded when the step began waiting for it). */
    private static String weightCommit(RolloutState s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            RolloutEvent e = s.events().get(i);
            if (e.kind() == Kind.WEIGHT && e.stepIndex() == s.stepIndex() && e.commitId() != null) {
                return e.commitId();
            }
        }
        throw new IllegalStateException("rollout " + s.rolloutId() + " waits for a weight commit it never recorded");
    }
}
