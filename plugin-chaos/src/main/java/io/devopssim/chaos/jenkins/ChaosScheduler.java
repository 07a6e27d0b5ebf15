package io.devopssim.chaos.jenkins;

import java.time.Instant;

/**
 * Runs a task at (or soon after) a given time, without a thread waiting for it. The chaos plugin's own
 * small equivalent of plugin-deploy's RolloutScheduler, so that plugin-chaos does not depend on plugin-deploy.
 */
public interface ChaosScheduler {

    /** @param when the earliest time to run; a time in the past means now */
    Cancellable schedule(Runnable task, Instant when);

    /** A scheduled task that has not run yet can be cancelled; cancelling a task that ran does nothing. */
    interface Cancellable {
        void cancel();
    }
}
