package io.devopssim.core.time;

import java.time.Instant;

/**
 * Runs a task when it is due without a thread waiting for it: one small pool serves every rollout, chaos
 * experiment and wave of a controller. The port of every asynchronous step execution.
 */
public interface Scheduler {

    /** Runs {@code task} at {@code when} (at once if that is past); the handle cancels it. */
    Cancellable schedule(Runnable task, Instant when);

    /** A scheduled task that has not run yet can be cancelled; cancelling a task that ran does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
