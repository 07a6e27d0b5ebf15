package io.devopssim.deploy;

import io.devopssim.core.gitops.CommitInfo;
import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficChange;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rollout's decisions in the environment repository: the promotion commit, the wait for the deployment to
 * run it ({@link DeploymentVerifier}), its revert, the commit that records a rollback, and the retries of
 * them all. Every commit carries the rollout's trailers, so a resumed rollout finds what it already committed.
 */
final class Promotion {
    static final String STEP_PROMOTE = "promote";
    static final String STEP_ROLLBACK = "rollback";
    static final String STEP_REVERT = "revert-promotion";
    private static final Duration VERIFY_INTERVAL = Duration.ofSeconds(10);

    /** What follows the promotion commit. */
    enum AfterCommit {
        /** The canary: the new version runs as stable by the commit, so the canary track empties; the rollout ends. */
        EMPTY_CANARY_AND_END,
        /** A rolling update: every replica runs the release already; the rollout ends. */
        END,
        /** Blue-green and hybrid: the release keeps all traffic; post-promotion analysis and scale-down follow. */
        CONTINUE
    }

    private final RolloutContext ctx;
    private final RolloutSpec spec;
    private final Timeline timeline;
    private final AfterCommit after;
    private final String trafficBack;
    private final RevertWait revertWait;

    /** @param trafficBack the timeline's line when a rollback takes traffic off the release */
    Promotion(RolloutContext ctx, Timeline timeline, AfterCommit after, String trafficBack) {
        this.ctx = ctx;
        this.spec = ctx.spec();
        this.timeline = timeline;
        this.after = after;
        this.trafficBack = trafficBack;
        this.revertWait = new RevertWait(ctx, timeline);
    }

    RolloutState promote(RolloutState s) throws RolloutException {
        Judgement last = Timeline.lastJudgement(s);
        CommitTrailers trailers = new CommitTrailers(ctx.rolloutId(), STEP_PROMOTE, Verdict.PASSED,
                last == null ? null : last.score());
        String value = promotedValue();
        PromotionResult result;
        try {
            result = ctx.promoter().promote(request(value, "Promote " + spec.app() + " to " + spec.image().tag(), trailers));
        } catch (PromotionException e) {
            return retryOrFail(s, "promotion commit failed: " + e.getMessage());
        }
        int weight = s.weight();
        Optional<String> reset = Optional.empty();
        if (after == AfterCommit.EMPTY_CANARY_AND_END) {
            try {
                // the new version now runs as stable (Argo CD applies the commit); the canary track empties
                reset = ctx.router().changeCanaryWeight(change(STEP_PROMOTE));
                weight = 0;
            } catch (TrafficRoutingException e) {
                // the commit is what counts: Argo CD brings the cluster to it; say so and finish
                s = timeline.record(s, timeline.event(s, -1, Kind.RETRY, "could not reset canary weight after promotion: "
                        + e.getMessage()));
                weight = 0;
            }
        }
        String committed = "promotion committed: " + spec.gitops().value().describe() + " " + result.previousValue() + " -> "
                + value + " in commit " + Timeline.shortId(result.commitId());
        Instant now = ctx.clock().now();
        if (ctx.verifier().enabled()) {
            // a weight reset the router committed after the promotion is the newer revision: verified at it
            String verifyAt = reset.orElse(result.commitId());
            try {
                ctx.verifier().begin(verifyAt);
            } catch (DeploymentVerifier.VerificationException e) {
                return retryOrFail(s, e.getMessage());
            }
            RolloutState next = s.withPhase(RolloutPhase.VERIFYING).waiting(now, now);
            List<RolloutEvent> events = new ArrayList<>();
            events.add(new RolloutEvent(now, -1, Kind.COMMITTED, committed + "; waiting for the deployment to be synced and"
                    + " healthy at " + (reset.isPresent() ? "the canary's weight reset, commit " + Timeline.shortId(verifyAt)
                    : "it"), weight, last, result.commitId()));
            int w = weight;
            reset.ifPresent(c -> events.add(new RolloutEvent(now, -1, Kind.WEIGHT, "canary weight 0 committed in "
                    + Timeline.shortId(c), w, null, c)));
            return timeline.recordAll(next, events); // one save: a resumed verification knows which revision it waits for
        }
        String already = result.alreadyCommitted() ? " (already in history)" : "";
        if (after == AfterCommit.CONTINUE) {
            RolloutState next = s.withPhase(RolloutPhase.PROGRESSING).nextStep();
            return timeline.record(next, new RolloutEvent(now, -1, Kind.COMMITTED, committed + already, weight, last,
                    result.commitId()));
        }
        RolloutState next = s.withPhase(RolloutPhase.PROMOTED).notWaiting();
        return timeline.record(next, new RolloutEvent(now, -1, Kind.PROMOTED,
                "promoted: " + spec.gitops().file() + " " + spec.gitops().value().describe() + " " + result.previousValue()
                        + " -> " + value + " in commit " + Timeline.shortId(result.commitId()) + already,
                weight, last, result.commitId()));
    }

    /**
     * The promotion counts once the deployment controller runs it healthily; a failed sync or a Degraded
     * app is reverted by commit, so Argo CD's auto-sync agrees with the rollback instead of fighting it.
     */
    RolloutState verify(RolloutState s) throws RolloutException {
        String commit = Timeline.promotionCommit(s).orElseThrow(() ->
                new IllegalStateException("rollout " + s.rolloutId() + " is verifying but has no promotion commit"));
        String revision = Timeline.verifiedRevision(s).orElse(commit);
        Instant now = ctx.clock().now();
        DeploymentVerifier.Check check;
        try {
            check = ctx.verifier().check(revision, s.waitingSince());
        } catch (DeploymentVerifier.VerificationException e) {
            return retryOrFail(s, e.getMessage());
        }
        switch (check.status()) {
            case PENDING:
                return timeline.save(s.waiting(s.waitingSince(), now.plus(VERIFY_INTERVAL)));
            case DONE: {
                if (after == AfterCommit.CONTINUE) {
                    RolloutState next = s.withPhase(RolloutPhase.PROGRESSING).nextStep();
                    return timeline.record(next, new RolloutEvent(now, -1, Kind.VERIFIED, "deployed: " + check.message(),
                            s.weight(), null, commit));
                }
                RolloutState next = s.withPhase(RolloutPhase.PROMOTED).notWaiting();
                return timeline.record(next, new RolloutEvent(now, -1, Kind.PROMOTED, "promoted: " + check.message(),
                        s.weight(), Timeline.lastJudgement(s), commit));
            }
            default: {
                RolloutState failed = s.withOutcome("deployment failed after promotion: " + check.message());
                if (s.weight() == 0) {
                    return revertPromotion(failed, commit, Verdict.FAILED, RolloutPhase.ROLLED_BACK);
                }
                // the release still has traffic: the rollback takes it off first, then reverts the commit
                RolloutState next = failed.withPhase(RolloutPhase.ROLLING_BACK).notWaiting();
                return timeline.record(next, timeline.event(next, -1, Kind.FAILED, next.outcome()));
            }
        }
    }

    /**
     * Takes traffic off the release, then reverts the promotion if it was committed, or else records the
     * decision by a commit that changes no value.
     */
    RolloutState rollBack(RolloutState s) throws RolloutException {
        if (revertWait.waiting(s)) {
            return revertWait.check(s); // the promotion is reverted once the traffic's revert is applied (or is not)
        }
        Optional<String> weightCommit;
        try {
            // asked even at weight 0 (an unchanged weight writes nothing): a weight changed just before a restart
            // lost the state that said so is taken back too
            // a router that records its changes (GitOps) reverts the rollout's traffic commits, so the history says
            // what was undone and Argo CD's auto-sync agrees
            weightCommit = ctx.router().takeBack(change(STEP_ROLLBACK));
        } catch (TrafficRoutingException e) {
            return retryOrFail(s, "could not take traffic off the canary: " + e.getMessage());
        }
        // a revision recorded already (waited for, or taken back before a restart) is not recorded again
        if (weightCommit.isPresent() ? !RevertWait.recorded(s, weightCommit.get()) : s.weight() != 0) {
            s = revertWait.tookBack(s, 0, trafficBack, weightCommit);
            if (revertWait.waiting(s)) {
                return s;
            }
        }
        Judgement last = Timeline.lastJudgement(s);
        boolean aborted = Timeline.isAborted(s);
        RolloutPhase end = aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK;
        Optional<String> promoted = Timeline.promotionCommit(s);
        if (promoted.isEmpty()) {
            // stopped between the promotion's push and its save, the rollout has no record of it: Git has
            GitOpsSpec g = spec.gitops();
            try {
                promoted = ctx.promoter().findCommit(g.repoUrl(), g.branch(), ctx.gitCredentials(), ctx.rolloutId(),
                        STEP_PROMOTE).map(CommitInfo::id);
            } catch (PromotionException e) {
                return retryOrFail(s, "cannot read the environment repository's history: " + e.getMessage());
            }
        }
        if (promoted.isPresent()) {
            // a promotion already reached the branch (aborted while verifying, or judged after it): take it back
            return revertPromotion(s, promoted.get(), aborted ? null : failureVerdict(last), end);
        }
        CommitTrailers trailers = new CommitTrailers(ctx.rolloutId(), STEP_ROLLBACK,
                aborted || last == null ? null : last.verdict(), last == null ? null : last.score());
        PromotionResult result;
        try {
            // nothing of this rollout reached the branch, so the rollback records the decision and changes no
            // value: a newer promotion made meanwhile stays
            result = ctx.promoter().promote(request(null,
                    "Roll back " + spec.app() + " " + spec.image().tag() + ", keep the stable version", trailers));
        } catch (PromotionException e) {
            return retryOrFail(s, "rollback commit failed: " + e.getMessage());
        }
        RolloutState next = s.withPhase(end).notWaiting();
        return timeline.record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.ROLLED_BACK,
                (aborted ? "aborted" : "rolled back") + ": " + spec.gitops().value().describe() + " stays "
                        + result.previousValue() + ", recorded in commit " + Timeline.shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : "") + " because " + s.outcome(),
                0, last, result.commitId()));
    }

    /** The verdict a revert records: the judgement that failed, or FAILED when a passed one was followed by a failure. */
    private static Verdict failureVerdict(Judgement last) {
        return last == null || last.verdict().promotes() ? Verdict.FAILED : last.verdict();
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
        return timeline.record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.ROLLED_BACK, (end == RolloutPhase.ABORTED
                ? "aborted" : "rolled back") + ": reverted promotion commit " + Timeline.shortId(commit) + " in commit "
                + Timeline.shortId(reverted.commitId()) + " because " + s.outcome(), 0, Timeline.lastJudgement(s),
                reverted.commitId()));
    }

    /**
     * A commit that failed is retried later (the state says when); after the last attempt the rollout
     * fails with the release's weight at 0 and the repository untouched, since a failed push changes nothing.
     */
    RolloutState retryOrFail(RolloutState s, String why) throws RolloutException {
        if (s.attempts() + 1 < ctx.retry().attempts()) {
            RolloutState next = s.retryAt(ctx.clock().now().plus(ctx.retry().delayBefore(s.attempts())));
            return timeline.record(next, timeline.event(next, -1, Kind.RETRY, why + "; attempt " + (s.attempts() + 2) + " of "
                    + ctx.retry().attempts() + " at " + next.waitUntil()));
        }
        int weight = s.weight();
        try {
            ctx.router().takeBack(change("failed"));
            weight = 0;
        } catch (TrafficRoutingException e) {
            why = why + "; and the canary weight could not be reset (" + e.getMessage() + "), it may still be " + weight + "%";
        }
        RolloutState next = s.withPhase(RolloutPhase.FAILED).notWaiting().withOutcome(why);
        return timeline.record(next, new RolloutEvent(ctx.clock().now(), -1, Kind.FAILED, "failed: " + why, weight, null, null));
    }

    /** A change of this rollout's traffic to weight 0. */
    private TrafficChange change(String name) {
        return new TrafficChange(name, 0, spec.strategy().yamlName());
    }

    private PromotionRequest request(String value, String summary, CommitTrailers trailers) {
        GitOpsSpec g = spec.gitops();
        return new PromotionRequest(g.repoUrl(), g.branch(), g.file(), g.value(), value, summary, trailers,
                ctx.gitCredentials());
    }

    /** The value a promotion writes: the tag for Helm and Kustomize, the whole image for a YAML path. */
    private String promotedValue() {
        return spec.gitops().value() instanceof ValueLocator.YamlPath ? spec.image().toString() : spec.image().tag();
    }
}
