package io.devopssim.deploy.release;

import io.devopssim.core.gitops.CommitInfo;
import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.deploy.RolloutException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rolls a release back by reverting, newest first, every commit its rollout made that changed the
 * environment (the {@code promote} commit, and any other step's commit), so Argo CD's auto-sync agrees
 * with the rollback instead of fighting it. Decisions that changed nothing ({@code rollback}) and reverts
 * are left alone. Each revert carries the rollout id and {@code revert-<step>} ({@code revert-promotion}
 * for the promotion, as the canary engine writes it), so a commit already reverted, by this class or by
 * the engine, is never reverted twice, and a resumed rollback finishes where it stopped.
 */
public final class ReleaseRollback {
    /** How far back the branch is searched for the rollout's commits. */
    public static final int HISTORY_DEPTH = 1000;
    private static final Set<String> DECISIONS = Set.of(CanaryEngine.STEP_ROLLBACK);

    private final Promoter promoter;
    private final BranchHistory history;
    private final StateStore store;
    private final Clock clock;

    public ReleaseRollback(Promoter promoter, BranchHistory history, StateStore store, Clock clock) {
        this.promoter = promoter;
        this.history = history;
        this.store = store;
        this.clock = clock;
    }

    /** The revert trailer step for a commit of step {@code step}. */
    public static String revertStep(String step) {
        return CanaryEngine.STEP_PROMOTE.equals(step) ? CanaryEngine.STEP_REVERT : "revert-" + step;
    }

    /**
     * What a rollback would revert, newest first, and what is reverted already. Reads history only.
     *
     * @throws RolloutException when the rollout made no commit that changed anything in the searched history
     */
    public Plan plan(RollbackOrder order, GitCredentials credentials) throws RolloutException {
        List<CommitInfo> log;
        try {
            log = history.log(order.repoUrl(), order.branch(), credentials, HISTORY_DEPTH);
        } catch (PromotionException e) {
            throw new RolloutException("cannot read the history: " + e.getMessage(), e);
        }
        List<CommitInfo> mine = log.stream().filter(c -> order.rolloutId().equals(c.rolloutId()) && c.step() != null).toList();
        List<String> revertSteps = mine.stream().map(CommitInfo::step).filter(s -> s.startsWith("revert-")).toList();
        List<CommitInfo> toRevert = new ArrayList<>();
        List<CommitInfo> reverted = new ArrayList<>();
        for (CommitInfo c : mine) { // newest first, as the log is
            if (c.step().startsWith("revert-") || DECISIONS.contains(c.step())) {
                continue;
            }
            (revertSteps.contains(revertStep(c.step())) ? reverted : toRevert).add(c);
        }
        if (toRevert.isEmpty() && reverted.isEmpty()) {
            throw new RolloutException("rollout " + order.rolloutId() + " made no commit that changed anything in the newest "
                    + HISTORY_DEPTH + " commits of branch " + order.branch() + " of " + order.repoUrl() + "; nothing to roll back");
        }
        return new Plan(toRevert, reverted);
    }

    /**
     * Reverts what {@link #plan} finds. A revert that fails (a later commit changed the same lines) stops the
     * rollback with the reverts made so far recorded; calling again after the conflict is resolved goes on.
     *
     * @return {@code ROLLED_BACK} with one event per revert commit, or {@code FAILED} with why
     */
    public RolloutState rollBack(RollbackOrder order, GitCredentials credentials) throws RolloutException {
        RolloutState s = States.load(store, order.rolloutId()).orElse(null);
        if (s != null && !order.digest().equals(s.specDigest())) {
            throw new RolloutException("the rollback of " + order.rolloutId() + " in this build was for another repository or branch");
        }
        if (s != null && s.phase() == RolloutPhase.ROLLED_BACK) {
            return s;
        }
        Plan plan = plan(order, credentials);
        String what = plan.toRevert().size() + " commit(s) to revert, " + plan.alreadyReverted().size() + " reverted already";
        if (s == null) {
            s = RolloutState.initial(order.rolloutId(), order.digest(), null);
            s = States.save(store, s.withEvent(event(Kind.STARTED, "rolling back " + order.rolloutId() + " on branch "
                    + order.branch() + " of " + order.repoUrl() + ": " + what, null)));
            for (CommitInfo c : plan.alreadyReverted()) {
                s = States.save(store, s.withEvent(event(Kind.ROLLED_BACK, "commit " + States.shortId(c.id()) + " ("
                        + c.step() + ") was reverted already", null)));
            }
        } else {
            // a resumed or repeated rollback: the history says what is left, the timeline keeps what was done
            s = States.save(store, s.withPhase(RolloutPhase.PROGRESSING).withOutcome(null)
                    .withEvent(event(Kind.STARTED, "rolling back " + order.rolloutId() + " again: " + what, null)));
        }
        for (CommitInfo c : plan.toRevert()) {
            PromotionResult r;
            try {
                r = promoter.revert(new RevertRequest(order.repoUrl(), order.branch(), c.id(),
                        "Roll back " + order.rolloutId() + ": " + order.reason(),
                        new CommitTrailers(order.rolloutId(), revertStep(c.step()), null, null), credentials));
            } catch (PromotionException e) {
                RolloutState failed = s.withPhase(RolloutPhase.FAILED).withOutcome("could not revert commit "
                        + States.shortId(c.id()) + " (" + c.step() + "): " + e.getMessage());
                return States.save(store, failed.withEvent(event(Kind.FAILED, "failed: " + failed.outcome(), null)));
            }
            s = States.save(store, s.withEvent(event(Kind.ROLLED_BACK, "reverted commit " + States.shortId(c.id()) + " ("
                    + c.step() + ": " + c.shortMessage() + ") in commit " + States.shortId(r.commitId())
                    + (r.alreadyCommitted() ? " (already in history)" : ""), r.commitId())));
        }
        return States.save(store, s.withPhase(RolloutPhase.ROLLED_BACK).withOutcome(order.reason()));
    }

    private RolloutEvent event(Kind kind, String message, String commitId) {
        return new RolloutEvent(clock.now(), -1, kind, message, 0, null, commitId);
    }

    /**
     * @param toRevert        commits still to revert, newest first
     * @param alreadyReverted commits a revert of this rollout already took back
     */
    public record Plan(List<CommitInfo> toRevert, List<CommitInfo> alreadyReverted) {
        public Plan {
            toRevert = List.copyOf(toRevert);
            alreadyReverted = List.copyOf(alreadyReverted);
        }
    }
}
