package io.devopssim.deploy;

import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The canary as a resumable state machine. {@link #advance()} runs transitions until the rollout must
 * wait (a pause, an analysis window, a retry) or ends; it never sleeps, so no thread is held while a
 * rollout waits: the caller calls it again at {@link RolloutState#waitUntil()}. State is saved after
 * every transition, and every side effect is safe to repeat (the router ignores an unchanged weight,
 * the promoter finds a commit already made by its trailers), so a rollout stopped at any point and
 * resumed from its saved state ends exactly as an uninterrupted one.
 */
public final class CanaryEngine {
    public static final String STEP_PROMOTE = "promote";
    public static final String STEP_ROLLBACK = "rollback";
    public static final String STEP_REVERT = "revert-promotion";
    private static final java.time.Duration VERIFY_INTERVAL = java.time.Duration.ofSeconds(10);

    private final RolloutContext ctx;
    private final RolloutSpec spec;

    public CanaryEngine(RolloutContext ctx) {
        this.ctx = ctx;
        this.spec = ctx.spec();
    }

    /**
     * Starts the rollout, or returns its saved state if it already started (a resume). Reads the value
     * the environment repository holds now: a rollback restores it.
     *
     * @throws RolloutException when the saved state belongs to another spec, or the repository can't be read
     */
    public RolloutState start() throws RolloutException {
        Optional<RolloutState> saved = load();
        if (saved.isPresent()) {
            RolloutState s = saved.get();
            if (!digest(spec).equals(s.specDigest())) {
                throw new RolloutException("rollout " + ctx.rolloutId()
                        + " was started with a different spec; use a new rollout id to run this one");
            }
            if (!s.phase().isTerminal()) {
                // a router that lost its memory (a restarted simulator, a reverted HTTPRoute) is put back
                // where the saved state says; an unchanged weight is a no-op
                try {
                    ctx.router().restoreCanaryWeight(s.weight());
                } catch (TrafficRoutingException e) {
                    throw new RolloutException("cannot resume rollout " + ctx.rolloutId() + ": " + e.getMessage(), e);
                }
            }
            return s;
        }
        validateChaosSteps();
        GitOpsSpec g = spec.gitops();
        String stable;
        try {
            stable = ctx.promoter().currentValue(g.repoUrl(), g.branch(), g.file(), g.value(), ctx.gitCredentials());
        } catch (PromotionException e) {
            throw new RolloutException("cannot start: " + e.getMessage(), e);
        }
        RolloutState s = RolloutState.initial(ctx.rolloutId(), digest(spec), stable);
        return record(s, event(s, -1, Kind.STARTED,
                "rolling out " + spec.image() + " as a canary; " + g.value().describe() + " is " + stable + " now"));
    }

    /** Chaos experiments are checked by the chaos engine, all at once, before anything happens. */
    private void validateChaosSteps() throws RolloutException {
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < spec.steps().size(); i++) {
            if (spec.steps().get(i) instanceof StepSpec.Chaos c) {
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

    /** Runs every transition that is due now; returns the state to wait on (or the final state). */
    public RolloutState advance() throws RolloutException {
        RolloutState s = load().orElseThrow(() -> new RolloutException("rollout " + ctx.rolloutId() + " was never started"));
        while (!s.phase().isTerminal()) {
            if (s.phase() == RolloutPhase.PAUSED) {
                return s; // until a person approves or aborts (RolloutControl)
            }
            if (s.waitUntil() != null && ctx.clock().now().isBefore(s.waitUntil())) {
                return s; // a pause, an analysis window or a retry delay is still running
            }
            s = switch (s.phase()) {
                case PROGRESSING -> progress(s);
                case PROMOTING -> promote(s);
                case VERIFYING -> verify(s);
                case ROLLING_BACK -> rollBack(s);
                default -> throw new IllegalStateException("terminal phase " + s.phase());
            };
        }
        return s;
    }

    /** Asks for the stable version back; the rollback itself happens on the next {@link #advance()}. */
    public RolloutState abort(String reason) throws RolloutException {
        RolloutState before = load().orElseThrow(() -> new RolloutException("rollout " + ctx.rolloutId() + " was never started"));
        RolloutState s = new RolloutControl(ctx.store()).abort(ctx.rolloutId(), reason, ctx.clock().now());
        if (s.events().size() > before.events().size()) {
            ctx.listener().onEvent(s, s.events().get(s.events().size() - 1));
        }
        return s;
    }

    private RolloutState progress(RolloutState s) throws RolloutException {
        if (s.stepIndex() >= spec.steps().size()) {
            return save(s.withPhase(RolloutPhase.PROMOTING));
        }
        StepSpec step = spec.steps().get(s.stepIndex());
        String where = "step " + (s.stepIndex() + 1) + "/" + spec.steps().size();
        Instant now = ctx.clock().now();
        if (step instanceof StepSpec.SetWeight w) {
            return setWeight(s, w, where);
        }
        if (step instanceof StepSpec.Pause p && p.untilApproved()) {
            RolloutState next = s.withPhase(RolloutPhase.PAUSED).waiting(now, null);
            return record(next, event(next, s.stepIndex(), Kind.PAUSE_STARTED, where + " paused until approved"));
        }
        if (step instanceof StepSpec.Pause p) {
            if (s.waitingSince() == null) {
                RolloutState next = s.waiting(now, now.plus(p.duration()));
                return record(next, event(next, s.stepIndex(), Kind.PAUSE_STARTED, where + " pause " + Durations.format(p.duration())));
            }
            RolloutState next = s.nextStep();
            return record(next, event(next, s.stepIndex(), Kind.PAUSE_ENDED, where + " pause over"));
        }
        if (step instanceof StepSpec.Analysis a) {
            if (s.waitingSince() == null) {
                RolloutState next = s.waiting(now, now.plus(a.window()));
                return record(next, event(next, s.stepIndex(), Kind.ANALYSIS_STARTED,
                        where + " analysis: watching a " + Durations.format(a.window()) + " window at weight " + s.weight() + "%"));
            }
            Instant start = s.waitingSince();
            Instant end = start.plus(a.window());
            Judgement j = ctx.analysis().analyse(spec.analysis(), start, end);
            String line = where + " analysis " + Durations.format(a.window()) + " at " + s.weight() + "%: "
                    + Judgements.summary(j);
            if (j.verdict().promotes()) {
                RolloutState next = s.nextStep();
                return record(next, new RolloutEvent(now, s.stepIndex(), Kind.ANALYSIS, line, s.weight(), j, null));
            }
            // FAILED, INCONCLUSIVE and ERROR all mean: not safe to go on. Only PASSED promotes.
            RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                    .withOutcome(j.verdict() + ": " + String.join("; ", j.reasons()));
            return record(next, new RolloutEvent(now, s.stepIndex(), Kind.ANALYSIS, line, s.weight(), j, null));
        }
        if (step instanceof StepSpec.Chaos c) {
            return chaos(s, c, where);
        }
        throw new IllegalStateException("unknown step " + step);
    }

    /**
     * Sets the step's weight. A router whose change takes effect only once a deployment controller applies it
     * (GitOps: a commit Argo CD syncs) names that revision; the step then waits, polling the verifier like the
     * promotion does, and goes on only when the deployment is synced and healthy at it.
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
            return record(failed, event(failed, s.stepIndex(), Kind.FAILED, where + " setWeight " + w.weight()
                    + " failed: " + e.getMessage()));
        }
        Instant now = ctx.clock().now();
        if (pending.isEmpty() || !ctx.verifier().enabled()) {
            RolloutState next = s.nextStep();
            return record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT,
                    line + pending.map(c -> " (commit " + shortId(c) + ")").orElse(""), w.weight(), null, pending.orElse(null)));
        }
        RolloutState next = s.waiting(now, now);
        return record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT, line + " once the deployment is synced at commit "
                + shortId(pending.get()), w.weight(), null, pending.get()));
    }

    /** The step's weight commit is made: is the deployment synced and healthy at it? */
    private RolloutState weightApplied(RolloutState s, StepSpec.SetWeight w, String where) throws RolloutException {
        String commit = weightCommit(s);
        Instant now = ctx.clock().now();
        DeploymentVerifier.Check check;
        try {
            check = ctx.verifier().check(commit, s.waitingSince());
        } catch (DeploymentVerifier.VerificationException e) {
            return retryOrFail(s, e.getMessage());
        }
        switch (check.status()) {
            case PENDING:
                return save(s.waiting(s.waitingSince(), now.plus(VERIFY_INTERVAL)));
            case DONE: {
                RolloutState next = s.nextStep();
                return record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT, where + " setWeight " + w.weight()
                        + " applied: " + check.message(), w.weight(), null, commit));
            }
            default: {
                RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                        .withOutcome("deployment failed at canary weight " + w.weight() + ": " + check.message());
                return record(next, event(next, s.stepIndex(), Kind.FAILED, where + " setWeight " + w.weight() + " failed: "
                        + check.message()));
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

    /**
     * Runs the experiment against the canary through the chaos port, which saves its own state: calling
     * again after a restart continues it. A broken steady-state hypothesis is evidence against the release.
     */
    private RolloutState chaos(RolloutState s, StepSpec.Chaos c, String where) throws RolloutException {
        Instant now = ctx.clock().now();
        ChaosExperiments.Progress p;
        try {
            p = ctx.chaos().advance(experimentId(s.stepIndex()), c.experiment());
        } catch (ChaosBackendException e) {
            RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                    .withOutcome("chaos experiment " + c.name() + " failed: " + e.getMessage());
            return record(next, event(next, s.stepIndex(), Kind.FAILED, where + " chaos " + c.name() + " failed: " + e.getMessage()));
        }
        if (!p.done()) {
            if (s.waitingSince() == null) {
                RolloutState next = s.waiting(now, p.waitUntil());
                return record(next, event(next, s.stepIndex(), Kind.CHAOS_STARTED, where + " chaos " + c.name()
                        + " on the canary at " + s.weight() + "%: " + p.message()));
            }
            return save(s.waiting(s.waitingSince(), p.waitUntil()));
        }
        ChaosResult r = p.result();
        String line = where + " chaos " + c.name() + ": " + r.outcome() + ", hypothesis " + (r.hypothesisHeld() ? "held" : "broken")
                + ", error budget burned " + Numbers.format(r.errorBudgetBurned())
                + (r.timeToRecover() == null ? ", not recovered" : ", recovered in " + Durations.format(r.timeToRecover()));
        if (r.hypothesisHeld()) {
            RolloutState next = s.nextStep();
            return record(next, new RolloutEvent(now, s.stepIndex(), Kind.CHAOS, line, s.weight(), null, null, r));
        }
        RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                .withOutcome("chaos " + c.name() + ": steady-state hypothesis broken (" + r.outcome() + ")");
        return record(next, new RolloutEvent(now, s.stepIndex(), Kind.CHAOS, line, s.weight(), null, null, r));
    }

    private String experimentId(int stepIndex) {
        return ctx.rolloutId() + "-chaos-" + (stepIndex + 1);
    }

    /** Stops every experiment this rollout may have started: a rollback leaves no fault running. */
    private void stopChaos(RolloutState s) throws ChaosBackendException {
        int last = Math.min(s.stepIndex(), spec.steps().size() - 1);
        for (int i = 0; i <= last; i++) {
            if (spec.steps().get(i) instanceof StepSpec.Chaos) {
                ctx.chaos().stop(experimentId(i), s.outcome() == null ? "rollback" : s.outcome());
            }
        }
    }

    private RolloutState promote(RolloutState s) throws RolloutException {
        Judgement last = lastJudgement(s);
        CommitTrailers trailers = new CommitTrailers(ctx.rolloutId(), STEP_PROMOTE, Verdict.PASSED,
                last == null ? null : last.score());
        String value = promotedValue();
        PromotionResult result;
        try {
            result = ctx.promoter().promote(request(value, "Promote " + spec.app() + " to " + spec.image().tag(), trailers));
        } catch (PromotionException e) {
            return retryOrFail(s, "promotion commit failed: " + e.getMessage());
        }
        Optional<String> reset = Optional.empty();
        try {
            // the new version now runs as stable (Argo CD applies the commit); the canary track empties
            reset = ctx.router().changeCanaryWeight(0, STEP_PROMOTE);
        } catch (TrafficRoutingException e) {
            // the commit is what counts: Argo CD brings the cluster to it; say so and finish
            s = record(s, event(s, -1, Kind.RETRY, "could not reset canary weight after promotion: " + e.getMessage()));
        }
        if (ctx.verifier().enabled()) {
            // a weight commit after the promotion is the newer revision: the deployment is checked at it
            String verifyAt = reset.orElse(result.commitId());
            try {
                ctx.verifier().begin(verifyAt);
            } catch (DeploymentVerifier.VerificationException e) {
                return retryOrFail(s, e.getMessage());
            }
            Instant now = ctx.clock().now();
            RolloutState next = s.withPhase(RolloutPhase.VERIFYING).waiting(now, now);
            List<RolloutEvent> events = new java.util.ArrayList<>();
            events.add(new RolloutEvent(now, -1, Kind.COMMITTED, "promotion committed: "
                    + spec.gitops().value().describe() + " " + result.previousValue() + " -> " + value + " in commit "
                    + shortId(result.commitId()) + "; waiting for the deployment to be synced and healthy at "
                    + (reset.isPresent() ? "the canary's weight reset, commit " + shortId(verifyAt) : "it"),
                    0, last, result.commitId()));
            reset.ifPresent(c -> events.add(new RolloutEvent(now, -1, Kind.WEIGHT, "canary weight 0 committed in "
                    + shortId(c), 0, null, c)));
            return recordAll(next, events); // one save: a resumed verification knows which revision it waits for
        }
        RolloutState next = s.withPhase(RolloutPhase.PROMOTED).notWaiting();
        return record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.PROMOTED,
                "promoted: " + spec.gitops().file() + " " + spec.gitops().value().describe() + " " + result.previousValue()
                        + " -> " + value + " in commit " + shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : ""),
                0, last, result.commitId()));
    }

    /**
     * The promotion counts once the deployment controller runs it healthily; a failed sync or a Degraded
     * app is reverted by commit, so Argo CD's auto-sync agrees with the rollback instead of fighting it.
     */
    private RolloutState verify(RolloutState s) throws RolloutException {
        String commit = lastCommit(s);
        String revision = verifyRevision(s);
        Instant now = ctx.clock().now();
        DeploymentVerifier.Check check;
        try {
            check = ctx.verifier().check(revision, s.waitingSince());
        } catch (DeploymentVerifier.VerificationException e) {
            return retryOrFail(s, e.getMessage());
        }
        switch (check.status()) {
            case PENDING:
                return save(s.waiting(s.waitingSince(), now.plus(VERIFY_INTERVAL)));
            case DONE: {
                RolloutState next = s.withPhase(RolloutPhase.PROMOTED).notWaiting();
                return record(next, new RolloutEvent(now, -1, Kind.PROMOTED, "promoted: " + check.message(), 0,
                        lastJudgement(s), commit));
            }
            default:
                return revertPromotion(s.withOutcome("deployment failed after promotion: " + check.message()), commit,
                        Verdict.FAILED, RolloutPhase.ROLLED_BACK);
        }
    }

    /** Takes a committed promotion back by a revert commit, so Argo CD's auto-sync agrees with the rollback. */
    private RolloutState revertPromotion(RolloutState s, String commit, Verdict verdict, RolloutPhase end)
            throws RolloutException {
        GitOpsSpec g = spec.gitops();
        CommitTrailers trailers = new CommitTrailers(ctx.rolloutId(), STEP_REVERT, verdict, null);
        PromotionResult reverted;
        try {
            reverted = ctx.promoter().revert(new RevertRequest(g.repoUrl(), g.branch(), commit,
                    "Revert promotion of " + spec.app() + " " + spec.image().tag() + ": " + s.outcome(), trailers,
                    ctx.gitCredentials()));
        } catch (PromotionException e) {
            return retryOrFail(s, "revert of the promotion failed: " + e.getMessage());
        }
        RolloutState next = s.withPhase(end).notWaiting();
        return record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.ROLLED_BACK, (end == RolloutPhase.ABORTED
                ? "aborted" : "rolled back") + ": reverted promotion commit " + shortId(commit) + " in commit "
                + shortId(reverted.commitId()) + " because " + s.outcome(), 0, lastJudgement(s), reverted.commitId()));
    }

    /** The promotion commit this rollout made, if it made one. */
    private static Optional<String> promotionCommit(RolloutState s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            if (s.events().get(i).kind() == Kind.COMMITTED) {
                return Optional.of(s.events().get(i).commitId());
            }
        }
        return Optional.empty();
    }

    /** The newest commit since the promotion: the canary's weight reset when a router committed it, else the promotion. */
    private static String verifyRevision(RolloutState s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            RolloutEvent e = s.events().get(i);
            if ((e.kind() == Kind.WEIGHT || e.kind() == Kind.COMMITTED) && e.commitId() != null) {
                return e.commitId();
            }
        }
        return lastCommit(s);
    }

    private static String lastCommit(RolloutState s) {
        return promotionCommit(s).orElseThrow(() ->
                new IllegalStateException("rollout " + s.rolloutId() + " is verifying but has no promotion commit"));
    }

    private RolloutState rollBack(RolloutState s) throws RolloutException {
        try {
            stopChaos(s);
        } catch (ChaosBackendException e) {
            return retryOrFail(s, "could not halt a chaos experiment: " + e.getMessage());
        }
        Optional<String> weightCommit;
        try {
            // always asked, the router ignoring an unchanged weight: a weight changed just before a restart lost
            // the state that said so is taken back too
            weightCommit = ctx.router().changeCanaryWeight(0, STEP_ROLLBACK);
        } catch (TrafficRoutingException e) {
            return retryOrFail(s, "could not take traffic off the canary: " + e.getMessage());
        }
        if (s.weight() != 0 || weightCommit.isPresent()) {
            s = record(s, new RolloutEvent(ctx.clock().now(), -1, Kind.WEIGHT, "rollback: canary gets 0% of requests", 0,
                    null, weightCommit.orElse(null)));
        }
        Judgement last = lastJudgement(s);
        boolean aborted = isAborted(s);
        Optional<String> promoted = promotionCommit(s);
        if (promoted.isPresent()) {
            // aborted while the deployment controller was applying the promotion: take it back
            return revertPromotion(s, promoted.get(), null, aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK);
        }
        CommitTrailers trailers = new CommitTrailers(ctx.rolloutId(), STEP_ROLLBACK,
                aborted || last == null ? null : last.verdict(), last == null ? null : last.score());
        PromotionResult result;
        try {
            // nothing of this rollout reached the branch (a promotion is reverted in verify()), so the rollback
            // records the decision and changes no value: a newer promotion made meanwhile stays
            result = ctx.promoter().promote(request(null,
                    "Roll back " + spec.app() + " " + spec.image().tag() + ", keep the stable version", trailers));
        } catch (PromotionException e) {
            return retryOrFail(s, "rollback commit failed: " + e.getMessage());
        }
        RolloutState next = s.withPhase(aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK).notWaiting();
        return record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.ROLLED_BACK,
                (aborted ? "aborted" : "rolled back") + ": " + spec.gitops().value().describe() + " stays "
                        + result.previousValue() + ", recorded in commit " + shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : "") + " because " + s.outcome(),
                0, last, result.commitId()));
    }

    /**
     * A commit that failed is retried later (the state says when); after the last attempt the rollout
     * fails with the canary at weight 0 and the repository untouched, since a failed push changes nothing.
     */
    private RolloutState retryOrFail(RolloutState s, String why) throws RolloutException {
        if (s.attempts() + 1 < ctx.retry().attempts()) {
            RolloutState next = s.retryAt(ctx.clock().now().plus(ctx.retry().delayBefore(s.attempts())));
            return record(next, event(next, -1, Kind.RETRY, why + "; attempt " + (s.attempts() + 2) + " of "
                    + ctx.retry().attempts() + " at " + next.waitUntil()));
        }
        int weight = s.weight();
        try {
            ctx.router().changeCanaryWeight(0, "failed");
            weight = 0;
        } catch (TrafficRoutingException e) {
            why = why + "; and the canary weight could not be reset (" + e.getMessage() + "), it may still be " + weight + "%";
        }
        RolloutState next = s.withPhase(RolloutPhase.FAILED).notWaiting().withOutcome(why);
        return record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.FAILED, "failed: " + why, weight, null, null));
    }

    private PromotionRequest request(String value, String summary, CommitTrailers trailers) {
        GitOpsSpec g = spec.gitops();
        return new PromotionRequest(g.repoUrl(), g.branch(), g.file(), g.value(), value, summary, trailers,
                ctx.gitCredentials());
    }

    private static boolean isAborted(RolloutState s) {
        return s.events().stream().anyMatch(e -> e.kind() == Kind.ABORT_REQUESTED);
    }

    private static Judgement lastJudgement(RolloutState s) {
        List<RolloutEvent> events = s.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).judgement() != null) {
                return events.get(i).judgement();
            }
        }
        return null;
    }

    private RolloutEvent event(RolloutState s, int step, Kind kind, String message) {
        return new RolloutEvent(ctx.clock().now(), step, kind, message, s.weight(), null, null);
    }

    private RolloutState record(RolloutState s, RolloutEvent e) throws RolloutException {
        return recordAll(s, List.of(e));
    }

    /** Saves the events with the state in one write, then tells the listener of each. */
    private RolloutState recordAll(RolloutState s, List<RolloutEvent> events) throws RolloutException {
        RolloutState next = s;
        for (RolloutEvent e : events) {
            next = next.withEvent(e);
        }
        save(next);
        for (RolloutEvent e : events) {
            ctx.listener().onEvent(next, e);
        }
        return next;
    }

    private RolloutState save(RolloutState s) throws RolloutException {
        try {
            ctx.store().save(s);
            return s;
        } catch (IOException e) {
            throw new RolloutException("cannot save the state of rollout " + s.rolloutId() + ": " + e.getMessage(), e);
        }
    }

    private Optional<RolloutState> load() throws RolloutException {
        try {
            return ctx.store().load(ctx.rolloutId());
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of rollout " + ctx.rolloutId() + ": " + e.getMessage(), e);
        }
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    /** Identifies a spec by content; record toString() covers every component, in order. */
    static String digest(RolloutSpec spec) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(spec.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The value a promotion writes: the tag for Helm and Kustomize, the whole image for a YAML path. */
    private String promotedValue() {
        return spec.gitops().value() instanceof ValueLocator.YamlPath ? spec.image().toString() : spec.image().tag();
    }
}
