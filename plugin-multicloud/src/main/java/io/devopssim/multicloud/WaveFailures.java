package io.devopssim.multicloud;

import io.devopssim.deploy.RolloutException;

/** How a wave fails: at once (it rolls back), or after a commit failed its last attempt. */
final class WaveFailures {
    private final WaveContext ctx;
    private final WaveTimeline timeline;

    WaveFailures(WaveContext ctx, WaveTimeline timeline) {
        this.ctx = ctx;
        this.timeline = timeline;
    }

    WaveStep waveFailed(WaveRunState s, String why) throws RolloutException {
        WaveRunState next = s.withPhase(PlanPhase.ROLLING_BACK, why);
        return WaveStep.progress(timeline.record(next, timeline.event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED,
                why + "; rolling back the wave")));
    }

    /**
     * A commit that failed is retried later; after the last attempt a running wave fails (and rolls back), and a
     * rollback that cannot be made fails the plan with the reason, leaving the reverts made so far in place.
     */
    WaveRunState retryOrFail(WaveRunState s, String why) throws RolloutException {
        if (s.attempts() + 1 < ctx.retry().attempts()) {
            WaveRunState next = s.retryAt(timeline.now().plus(ctx.retry().delayBefore(s.attempts())));
            return timeline.record(next, timeline.event(s.wave(), null, WaveEvent.Kind.RETRY, why + "; attempt "
                    + (s.attempts() + 2) + " of " + ctx.retry().attempts() + " at " + next.waitUntil()));
        }
        if (s.phase() == PlanPhase.RUNNING) {
            WaveRunState next = s.withPhase(PlanPhase.ROLLING_BACK, why);
            return timeline.record(next, timeline.event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + "; rolling back the wave"));
        }
        WaveRunState next = s.withPhase(PlanPhase.FAILED, (s.outcome() == null ? "" : s.outcome() + "; then ") + why);
        return timeline.record(next, timeline.event(s.wave(), null, WaveEvent.Kind.FAILED, "failed: " + why));
    }
}
