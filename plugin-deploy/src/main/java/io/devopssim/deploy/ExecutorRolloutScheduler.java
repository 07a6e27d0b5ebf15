package io.devopssim.deploy;

import io.devopssim.core.time.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Real time: a shared {@link ScheduledExecutorService} fires each rollout's next transition. */
public final class ExecutorRolloutScheduler implements RolloutScheduler {
    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorRolloutScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Runnable task, Instant when) {
        long delay = Math.max(0, Duration.between(clock.now(), when).toMillis());
        ScheduledFuture<?> f = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
