package io.devopssim.core.state;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.model.Judgement;

import java.time.Instant;

/**
 * One line of a rollout's timeline.
 *
 * @param time      when it happened (the rollout's clock)
 * @param stepIndex the step it belongs to (-1 for promotion, rollback and other whole-rollout events)
 * @param kind      what happened
 * @param message   one readable line
 * @param weight    canary weight after the event (the new version's share of requests: the preview's after a
 *                  blue-green cut-over, the updated replicas' in a rolling update)
 * @param judgement the analysis result, for analysis events
 * @param commitId  the environment-repository commit, for promotion and rollback events
 * @param chaos     the experiment's result, for chaos events
 */
public record RolloutEvent(Instant time, int stepIndex, Kind kind, String message, int weight, Judgement judgement,
                           String commitId, ChaosResult chaos) {

    public RolloutEvent(Instant time, int stepIndex, Kind kind, String message, int weight, Judgement judgement,
                        String commitId) {
        this(time, stepIndex, kind, message, weight, judgement, commitId, null);
    }

    public enum Kind {
        STARTED, COMMITTED, WEIGHT, PAUSE_STARTED, PAUSE_ENDED, APPROVED, ANALYSIS_STARTED, ANALYSIS, CHAOS_STARTED, CHAOS, PROMOTED,
        ROLLED_BACK, ABORT_REQUESTED,
        RETRY, FAILED,
        /** The canary's replicas were set apart from its weight ({@code setCanaryScale}), or back to matching it. */
        SCALE,
        /** The deployment runs the promotion commit healthily, and the rollout goes on (post-promotion analysis). */
        VERIFIED
    }
}
