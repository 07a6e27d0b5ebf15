package io.devopssim.deploy.release;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.deploy.RolloutException;

/**
 * Promotes one version to one environment without a canary: one commit with the rollout's trailers, the
 * same {@code promote} step a canary's promotion carries, so {@link ReleaseRollback} reverts either.
 * The state is saved before and after the commit; a repeated call (a resumed step) finds the commit by its
 * trailers and never commits twice.
 */
public final class ReleasePromotion {
    private final Promoter promoter;
    private final StateStore store;
    private final Clock clock;

    public ReleasePromotion(Promoter promoter, StateStore store, Clock clock) {
        this.promoter = promoter;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Makes the commit, or returns the outcome of the one already made for this rollout id.
     *
     * @return the final state: {@code PROMOTED} with the commit, or {@code FAILED} with why (nothing committed)
     * @throws RolloutException when the rollout id already promoted something else, or the state cannot be saved
     */
    public RolloutState promote(PromotionOrder order, GitCredentials credentials) throws RolloutException {
        RolloutState s = States.load(store, order.rolloutId()).orElse(null);
        if (s != null && !order.digest().equals(s.specDigest())) {
            throw new RolloutException("rollout id " + order.rolloutId() + " already promoted something else; use a new rollout id");
        }
        if (s != null && s.phase().isTerminal()) {
            return s;
        }
        GitOpsSpec t = order.target();
        if (s == null) {
            s = RolloutState.initial(order.rolloutId(), order.digest(), null);
            s = States.save(store, s.withEvent(event(Kind.STARTED, "promoting " + order.describe() + " on branch "
                    + t.branch() + " of " + t.repoUrl(), null)));
        }
        PromotionResult result;
        try {
            result = promoter.promote(new PromotionRequest(t.repoUrl(), t.branch(), t.file(), t.value(), order.value(),
                    "Promote " + t.file() + " " + t.value().describe() + " to " + order.value(),
                    new CommitTrailers(order.rolloutId(), CanaryEngine.STEP_PROMOTE, null, null), credentials));
        } catch (PromotionException e) {
            RolloutState failed = s.withPhase(RolloutPhase.FAILED).withOutcome("promotion commit failed: " + e.getMessage());
            return States.save(store, failed.withEvent(event(Kind.FAILED, "failed: " + failed.outcome(), null)));
        }
        RolloutState done = s.withPhase(RolloutPhase.PROMOTED).withOutcome(null);
        return States.save(store, done.withEvent(event(Kind.PROMOTED, "promoted: " + t.file() + " " + t.value().describe()
                + " " + result.previousValue() + " -> " + order.value() + " in commit " + States.shortId(result.commitId())
                + (result.alreadyCommitted() ? " (already in history)" : ""), result.commitId())));
    }

    private RolloutEvent event(Kind kind, String message, String commitId) {
        return new RolloutEvent(clock.now(), -1, kind, message, 0, null, commitId);
    }
}
