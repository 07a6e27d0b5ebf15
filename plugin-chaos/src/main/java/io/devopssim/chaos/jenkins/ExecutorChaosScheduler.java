package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link ChaosScheduler} on a shared {@link ScheduledExecutorService}, with delays taken from the clock. */
public final class ExecutorChaosScheduler implements ChaosScheduler {
    private final ScheduledExecutorService pool;
    private final Clock clock;

    public ExecutorChaosScheduler(ScheduledExecutorService pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Runnable task, Instant when) {
        long delay = Math.max(0, Duration.between(clock.now(), when).toMillis());
        ScheduledFuture<?> f = pool.schedule(task, delay, TimeUnit.MILLISECONDS);
        // no interrupt: a transition that already runs must finish and save its state
        return () -> f.cancel(false);
    }
}
