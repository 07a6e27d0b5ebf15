package io.devopssim.deploy.view;

import java.time.Instant;

/**
 * A chaos experiment run against the canary, as gate evidence.
 *
 * @param time                  when it ended
 * @param step                  1-based step number
 * @param experimentId          the run's id
 * @param outcome               COMPLETED, ABORTED, NOT_STEADY, STOPPED or FAILED
 * @param hypothesisHeld        whether the steady state held
 * @param errorBudgetBurned     share 0..1 of checks with the steady state broken
 * @param timeToRecoverSeconds  null when it did not recover
 */
public record ChaosPoint(Instant time, Integer step, String experimentId, String outcome, boolean hypothesisHeld,
                         double errorBudgetBurned, Double timeToRecoverSeconds) {
}
