package io.devopssim.core.time;


import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Real time: a shared {@link ScheduledExecutorService} fires each rollout's next transition. */
public final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * The delay is rounded up to the millisecond: truncated, a transition due in 0.4 ms would run at once, find
     * itself early, and be scheduled again and again until the instant passed (a busy loop of wake-ups).
     */
    @Override
    public Cancellable schedule(Runnable task, Instant when) {
        Duration until = Duration.between(clock.now(), when);
        long delay = until.isNegative() || until.isZero() ? 0 : until.plusNanos(999_999).toMillis();
        ScheduledFuture<?> f = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
