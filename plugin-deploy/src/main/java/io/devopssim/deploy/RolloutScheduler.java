package io.devopssim.deploy;

import java.time.Instant;

/**
 * Runs a rollout's next {@code advance()} when it is due, without a thread per rollout: one small pool
 * serves every rollout of a controller.
 */
public interface RolloutScheduler {

    /** Runs {@code task} at {@code when} (at once if that is past); the handle cancels it. */
    Cancellable schedule(Runnable task, Instant when);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
