package io.devopssim.deploy;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficChange;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One step that moves traffic, for every strategy: a canary's {@code setWeight}, a blue-green cut-over, a rolling
 * update's batch. The change goes through the router under its name; a router whose change takes effect only
 * once a deployment controller applies it (GitOps: a commit Argo CD syncs) names that revision, and the step then
 * waits, polling the {@link DeploymentVerifier} every 10 s and holding no thread, until the deployment is synced
 * and healthy at it. Degraded, a failed sync or the verifier's timeout rolls back; a router that fails rolls back.
 * {@link RolloutState#stepIndex()} is the step; it moves on once the weight is in effect.
 */
final class TrafficMove {
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);
    private final RolloutContext ctx;
    private final Timeline timeline;

    TrafficMove(RolloutContext ctx, Timeline timeline) {
        this.ctx = ctx;
        this.timeline = timeline;
    }

    /** A change of this rollout, its strategy named for the record. */
    TrafficChange change(String name, int percent, String batch) {
        return new TrafficChange(name, percent, ctx.spec().strategy().yamlName(), batch);
    }

    /**
     * @param what names the step in the timeline ({@code step 1/4 setWeight 10}, {@code cut-over}, {@code batch 2/5})
     * @param line the timeline's line once the change is made
     */
    RolloutState run(RolloutState s, TrafficChange change, String what, String line) throws RolloutException {
        if (s.waitingSince() != null) {
            return applied(s, change.percent(), what);
        }
        Optional<String> pending;
        try {
            pending = ctx.router().changeCanaryWeight(change);
            if (pending.isPresent() && ctx.verifier().enabled()) {
                ctx.verifier().begin(pending.get());
            }
        } catch (TrafficRoutingException | DeploymentVerifier.VerificationException e) {
            RolloutState failed = s.withPhase(RolloutPhase.ROLLING_BACK).withOutcome("traffic router failed: " + e.getMessage());
            return timeline.record(failed, timeline.event(failed, s.stepIndex(), Kind.FAILED, what + " failed: " + e.getMessage()));
        }
        Instant now = ctx.clock().now();
        if (pending.isEmpty() || !ctx.verifier().enabled()) {
            RolloutState next = s.nextStep();
            return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT,
                    line + pending.map(c -> " (commit " + Timeline.shortId(c) + ")").orElse(""), change.percent(), null,
                    pending.orElse(null)));
        }
        RolloutState next = s.waiting(now, now);
        return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT, line
                + " once the deployment is synced at commit " + Timeline.shortId(pending.get()), change.percent(), null,
                pending.get()));
    }

    /**
     * The step's weight commit is made: is the deployment synced and healthy at it? A controller that cannot be
     * asked is asked again later; the verifier's timeout ends the wait.
     */
    private RolloutState applied(RolloutState s, int percent, String what) throws RolloutException {
        String commit = weightCommit(s);
        Instant now = ctx.clock().now();
        DeploymentVerifier.Check check;
        try {
            check = ctx.verifier().check(commit, s.waitingSince());
        } catch (DeploymentVerifier.VerificationException e) {
            RolloutState next = s.waiting(s.waitingSince(), now.plus(CHECK_INTERVAL));
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.RETRY, what + ": " + e.getMessage()
                    + "; asking again at " + next.waitUntil()));
        }
        switch (check.status()) {
            case PENDING:
                return timeline.save(s.waiting(s.waitingSince(), now.plus(CHECK_INTERVAL)));
            case DONE: {
                RolloutState next = s.nextStep();
                return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.WEIGHT, what + " applied: "
                        + check.message(), percent, null, commit));
            }
            default: {
                RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                        .withOutcome("deployment failed at canary weight " + percent + ": " + check.message());
                return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.FAILED, what + " failed: "
                        + check.message()));
            }
        }
    }

    /** The commit the current step's change made (recorded when the step began waiting for it). */
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
