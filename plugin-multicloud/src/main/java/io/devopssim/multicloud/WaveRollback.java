package io.devopssim.multicloud;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Takes clusters out of the release: every cluster of a failed wave (ROLLING_BACK), and single clusters skipped by
 * failover. A cluster's rollout is aborted (its engine rolls back), then its resizes, promotion and sizing are
 * reverted by commit, one per transition. A failed wave whose failovers shifted traffic then gets its weights back
 * from before it, by one commit.
 */
final class WaveRollback {
    static final String STEP_REVERT_PROMOTION = "revert-promotion";
    static final String STEP_REVERT_REPLICAS = "revert-replicas";
    static final String STEP_REVERT_RESIZE = "revert-resize";
    static final String STEP_RESTORE_WEIGHTS = "restore-weights";

    private final WaveContext ctx;
    private final WaveTimeline timeline;
    private final WaveFailures failures;
    private final ClusterRolloutHandles rollouts;

    WaveRollback(WaveContext ctx, WaveTimeline timeline, WaveFailures failures, ClusterRolloutHandles rollouts) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.failures = failures;
        this.rollouts = rollouts;
    }

    /**
     * Marks every cluster the wave touched for rollback, then winds each down. Clusters being skipped finish as
     * skipped. The plan ends when none is left.
     */
    WaveStep rollBack(WaveRunState s) throws RolloutException {
        WaveRunState marked = s;
        for (ClusterRun c : s.waveClusters()) {
            boolean touched = c.status().active() || c.status() == ClusterStatus.NOT_PROMOTED
                    || c.status() == ClusterStatus.FAILING_OVER
                    || (c.status() == ClusterStatus.PENDING && c.replicasCommit() != null);
            if (touched) {
                marked = marked.with(c.withStatus(ClusterStatus.ROLLING_BACK));
            }
        }
        if (marked != s) {
            return WaveStep.progress(timeline.save(marked));
        }
        Instant wake = null;
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.ROLLING_BACK && c.status() != ClusterStatus.SKIPPING) {
                continue;
            }
            ClusterStatus end = c.status() == ClusterStatus.SKIPPING ? ClusterStatus.SKIPPED : ClusterStatus.ROLLED_BACK;
            WaveStep wound = windDown(s, c, end, s.outcome());
            if (wound.state() != null) {
                return wound;
            }
            wake = WaveStep.earliest(wake, wound.wake());
        }
        if (s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.ROLLING_BACK || c.status() == ClusterStatus.SKIPPING)) {
            return WaveStep.waitUntil(wake);
        }
        Optional<WaveWeights> weights = s.waveWeights();
        if (weights.isPresent() && weights.get().changed() && weights.get().restoreCommit() == null) {
            return restoreWeights(s, weights.get());
        }
        PlanPhase end = s.aborted() ? PlanPhase.ABORTED : PlanPhase.ROLLED_BACK;
        String rolledBack = WaveTimeline.names(s, ClusterStatus.ROLLED_BACK);
        String earlier = s.clusters().stream().filter(c -> c.wave() < s.wave() && c.status() == ClusterStatus.PROMOTED)
                .map(ClusterRun::cluster).collect(Collectors.joining(", "));
        String message = (end == PlanPhase.ABORTED ? "aborted" : "rolled back") + ": wave " + timeline.waveName(s.wave())
                + (rolledBack.isEmpty() ? " had touched no cluster" : " rolled back in " + rolledBack)
                + (weights.isPresent() && weights.get().restoreCommit() != null ? "; traffic weights restored in "
                + WaveTimeline.shortId(weights.get().restoreCommit()) : "")
                + (earlier.isEmpty() ? "" : "; earlier waves keep the release in " + earlier) + "; because " + s.outcome();
        return WaveStep.progress(timeline.record(s.withPhase(end, s.outcome()), timeline.event(s.wave(), null,
                WaveEvent.Kind.ROLLED_BACK, message)));
    }

    /**
     * Takes a cluster out of the release: its rollout (if it started) aborted and run to its end, then its
     * promotion and its sizing reverted by commit, one per transition; then {@code end}.
     */
    WaveStep windDown(WaveRunState s, ClusterRun c, ClusterStatus end, String reason) throws RolloutException {
        if (c.rolloutStarted()) {
            RolloutEngine rollout = rollouts.of(c);
            RolloutState st = rollout.advance();
            if (!st.phase().isTerminal()) {
                if (st.phase() != RolloutPhase.ROLLING_BACK) {
                    rollout.abort(reason == null ? "wave rollback" : reason);
                }
                st = rollout.advance();
            }
            if (!st.phase().isTerminal()) {
                return WaveStep.waitUntil(st.waitUntil());
            }
            if (st.phase() == RolloutPhase.PROMOTED && c.promotionCommit() == null) {
                // promoted in the meantime (its last transition ran before the wave saw it): revert that too
                return WaveStep.progress(timeline.save(s.with(c.promoted(ClusterRolloutHandles.promotionCommit(st)))));
            }
        }
        List<String> todo = c.commitsToRevert();
        if (c.reverts().size() < todo.size()) {
            return revert(s, c, todo.get(c.reverts().size()), reason);
        }
        WaveRunState next = s.with(c.withStatus(end));
        WaveEvent.Kind kind = end == ClusterStatus.SKIPPED ? WaveEvent.Kind.SKIPPED : WaveEvent.Kind.ROLLED_BACK;
        return WaveStep.progress(timeline.record(next, timeline.event(c.wave(), c.cluster(), kind, c.cluster() + " "
                + end.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (c.reverts().isEmpty() ? "" : " (reverted in "
                + c.reverts().stream().map(WaveTimeline::shortId).collect(Collectors.joining(", ")) + ")"))));
    }

    /**
     * Puts the wave's traffic weights back as they were before it, in one commit. A drained cluster that is still
     * unhealthy (looked at now) is the exception: it stays at 0 and its share before the wave goes, as a shift
     * would, to the others in proportion, so the rollback never routes traffic to a cluster known to be down. Once
     * it is healthy again its weight is a person's decision (the commit says what it was).
     */
    private WaveStep restoreWeights(WaveRunState s, WaveWeights weights) throws RolloutException {
        Map<String, Integer> target = new LinkedHashMap<>(weights.before());
        List<String> stillDown = new ArrayList<>();
        for (ClusterRun c : s.waveClusters()) {
            if (c.failoverCommit() != null && !ctx.health().check(rollouts.cluster(c)).healthy()) {
                stillDown.add(c.cluster());
            }
        }
        List<String> up = target.keySet().stream().filter(c -> !stillDown.contains(c)).toList();
        for (String down : stillDown) {
            if (!up.isEmpty()) {
                Map<String, Integer> part = new LinkedHashMap<>();
                part.put(down, target.get(down));
                up.forEach(u -> part.put(u, target.get(u)));
                target.putAll(WeightShift.shift(part, down, up));
            }
        }
        String values = target.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String kept = stillDown.isEmpty() ? "" : "; still unhealthy, kept at 0 (share before the wave spread over the "
                + "others): " + stillDown.stream().map(d -> d + " (was " + weights.before().get(d) + ")")
                .collect(Collectors.joining(", "));
        PromotionResult result;
        try {
            result = ctx.weights().commit(target, "Restore the traffic weights of " + ctx.plan().app() + " from before wave "
                    + timeline.waveName(s.wave()) + ": " + values + kept, timeline.waveTrailers(s.wave(), STEP_RESTORE_WEIGHTS));
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "restoring the traffic weights of wave "
                    + timeline.waveName(s.wave()) + " failed: " + e.getMessage()));
        }
        WaveRunState next = s.withWeights(weights.restored(result.commitId())).succeeded();
        return WaveStep.progress(timeline.record(next, timeline.event(s.wave(), null, WaveEvent.Kind.REVERTED,
                "traffic weights of wave " + timeline.waveName(s.wave()) + " restored to " + values + kept + " in commit "
                        + WaveTimeline.shortId(result.commitId()) + (result.alreadyCommitted() ? " (already in history)" : ""))));
    }

    private WaveStep revert(WaveRunState s, ClusterRun c, String commit, String reason) throws RolloutException {
        WavePlan plan = ctx.plan();
        boolean promotion = commit.equals(c.promotionCommit());
        boolean resize = c.taken().commits().contains(commit);
        String step = promotion ? STEP_REVERT_PROMOTION : resize ? STEP_REVERT_RESIZE + "-" + c.reverts().size()
                : STEP_REVERT_REPLICAS;
        String what = promotion ? "promotion" : resize ? "resize" : "sizing";
        PromotionResult result;
        try {
            result = ctx.promoter().revert(new RevertRequest(plan.gitops().repoUrl(), plan.gitops().branch(), commit,
                    "Revert " + what + " of " + plan.app() + " " + plan.image().tag()
                            + " in " + c.cluster() + ": " + reason, timeline.trailers(c, step), ctx.gitCredentials()));
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "revert of the " + what
                    + " in " + c.cluster() + " failed: " + e.getMessage()));
        }
        WaveRunState next = s.with(c.reverted(result.commitId())).succeeded();
        return WaveStep.progress(timeline.record(next, timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.REVERTED,
                c.cluster() + ": reverted " + what + " commit " + WaveTimeline.shortId(commit)
                        + " in commit " + WaveTimeline.shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : ""))));
    }
}
