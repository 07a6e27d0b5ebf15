package io.devopssim.core.time;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final List<Long> delaysNanos = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysNanos.add(unit.toNanos(delay));
            return super.schedule(command, delay, unit);
        }
    };
    private final ExecutorScheduler scheduler = new ExecutorScheduler(pool, new SimulatedClock(NOW));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void shouldNeverFireATransitionBeforeItIsDue() {
        scheduler.schedule(() -> { }, NOW.plusNanos(300_000));
        scheduler.schedule(() -> { }, NOW.plusMillis(1500).plusNanos(1));
        scheduler.schedule(() -> { }, NOW.minusSeconds(5));
        scheduler.schedule(() -> { }, Instant.EPOCH);

        assertThat(delaysNanos).containsExactly(Duration.ofMillis(1).toNanos(), Duration.ofMillis(1501).toNanos(), 0L, 0L);
    }
}
