package io.devopssim.multicloud;

import java.time.Instant;

/**
 * One line of a plan's timeline.
 *
 * @param time    when
 * @param wave    the wave's index (-1 for the plan as a whole)
 * @param cluster the cluster it concerns, or null
 * @param kind    what happened
 * @param message one line for the log
 */
public record WaveEvent(Instant time, int wave, String cluster, Kind kind, String message) {

    public enum Kind {
        STARTED, WAVE_STARTED, HEALTH, SIZED, ROLLOUT_STARTED, ROLLOUT_ENDED, FAILOVER, SKIPPED, WAVE_PASSED, WAVE_FAILED,
        ABORT_REQUESTED, PAUSED, APPROVED, REVERTED, ROLLED_BACK, RETRY, SUCCEEDED, FAILED
    }
}
