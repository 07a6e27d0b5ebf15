package io.devopssim.deploy;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rollback's wait for the deployment controller at a revision that took traffic back (GitOps with
 * {@code waitForSync}: a revert commit Argo CD applies), so a rolling update's batches are reverted one applied
 * revert at a time and the promotion is reverted once the traffic is back. Polled every 10 s, no thread held.
 * A wait that ends Degraded, failed or timed out does not stop the rollback: getting traffic back in Git comes
 * first, so the timeline and the outcome say the revert was not applied and the rollback goes on.
 *
 * <p>The wait is kept in the timeline alone, so a resumed rollback neither reverts nor waits twice: it begins
 * with a {@link Kind#WEIGHT} event (step -1) naming the revision, and ends with a {@link Kind#VERIFIED} (applied)
 * or {@link Kind#FAILED} (not applied) event naming it; {@link Kind#RETRY} events naming it keep it open.
 * ({@link RolloutState#waitingSince()} alone cannot say it: a forward step's wait leaves it set.)
 */
final class RevertWait {
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);
    private final RolloutContext ctx;
    private final Timeline timeline;

    RevertWait(RolloutContext ctx, Timeline timeline) {
        this.ctx = ctx;
        this.timeline = timeline;
    }

    /** Is the rollback waiting for the deployment at a revert it made? */
    boolean waiting(RolloutState s) {
        return open(s).isPresent();
    }

    /** Has the rollback already recorded taking traffic back at {@code revision} (waited for or not)? */
    static boolean recorded(RolloutState s, String revision) {
        return s.events().stream().anyMatch(e -> e.kind() == Kind.WEIGHT && e.stepIndex() < 0
                && revision.equals(e.commitId()));
    }

    /**
     * Records that traffic went back to {@code weight} ({@code line}), at {@code revision} when the router made
     * one, and begins the wait for it when there is a controller to wait for and the revision was not waited for.
     */
    RolloutState tookBack(RolloutState s, int weight, String line, Optional<String> revision) throws RolloutException {
        Instant now = ctx.clock().now();
        if (revision.isEmpty() || !ctx.verifier().enabled() || settled(s, revision.get())) {
            return timeline.record(s, new RolloutEvent(now, -1, Kind.WEIGHT, line, weight, null, revision.orElse(null)));
        }
        String commit = revision.get();
        RolloutEvent took = new RolloutEvent(now, -1, Kind.WEIGHT, line + " once the deployment is synced at commit "
                + Timeline.shortId(commit), weight, null, commit);
        try {
            ctx.verifier().begin(commit);
        } catch (DeploymentVerifier.VerificationException e) {
            return notApplied(s, List.of(took), weight, commit, e.getMessage());
        }
        return timeline.record(s.waiting(now, now), took);
    }

    /** One look at the deployment while {@link #waiting}: still pending, applied, or not applied (the rollback goes on). */
    RolloutState check(RolloutState s) throws RolloutException {
        RolloutEvent took = open(s).orElseThrow(() -> new IllegalStateException("rollout " + s.rolloutId()
                + " is not waiting for a revert"));
        String commit = took.commitId();
        Instant now = ctx.clock().now();
        DeploymentVerifier.Check check;
        try {
            check = ctx.verifier().check(commit, s.waitingSince());
        } catch (DeploymentVerifier.VerificationException e) {
            RolloutState next = s.waiting(s.waitingSince(), now.plus(CHECK_INTERVAL));
            return timeline.record(next, new RolloutEvent(now, -1, Kind.RETRY, "rollback: " + e.getMessage()
                    + "; asking again at " + next.waitUntil(), s.weight(), null, commit));
        }
        return switch (check.status()) {
            case PENDING -> timeline.save(s.waiting(s.waitingSince(), now.plus(CHECK_INTERVAL)));
            case DONE -> timeline.record(s.notWaiting(), new RolloutEvent(now, -1, Kind.VERIFIED, "rollback applied at commit "
                    + Timeline.shortId(commit) + ": " + check.message(), s.weight(), null, commit));
            default -> notApplied(s, List.of(), s.weight(), commit, check.message());
        };
    }

    private RolloutState notApplied(RolloutState s, List<RolloutEvent> before, int weight, String commit, String why)
            throws RolloutException {
        String reason = "the rollback's commit " + Timeline.shortId(commit) + " was not applied: " + why;
        RolloutState next = s.notWaiting().withOutcome(s.outcome() == null ? reason : s.outcome() + "; " + reason);
        List<RolloutEvent> events = new java.util.ArrayList<>(before);
        events.add(new RolloutEvent(ctx.clock().now(), -1, Kind.FAILED, "rollback: " + reason
                + "; going on with the rollback in Git", weight, null, commit));
        return timeline.recordAll(next, events);
    }

    /** The event that began the wait still open, if any: the newest event, naming a revision not settled yet. */
    private Optional<RolloutEvent> open(RolloutState s) {
        if (s.phase() != RolloutPhase.ROLLING_BACK || !ctx.verifier().enabled() || s.events().isEmpty()) {
            return Optional.empty();
        }
        RolloutEvent last = s.events().get(s.events().size() - 1);
        if (last.stepIndex() >= 0 || last.commitId() == null || (last.kind() != Kind.WEIGHT && last.kind() != Kind.RETRY)
                || settled(s, last.commitId())) {
            return Optional.empty();
        }
        return Optional.of(last);
    }

    private static boolean settled(RolloutState s, String commit) {
        return s.events().stream().anyMatch(e -> (e.kind() == Kind.VERIFIED || e.kind() == Kind.FAILED)
                && commit.equals(e.commitId()));
    }
}
