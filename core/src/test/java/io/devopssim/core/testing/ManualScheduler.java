package io.devopssim.core.testing;

import io.devopssim.core.time.SimulatedClock;
import io.devopssim.core.time.Scheduler;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Tests' {@link Scheduler}: runs scheduled transitions on demand, moving a simulated clock to each one's time. */
public final class ManualScheduler implements Scheduler {
    private record Task(Instant when, long seq, Runnable run) {
    }

    private final SimulatedClock clock;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing(Task::when).thenComparingLong(Task::seq));
    private long seq;

    public ManualScheduler(SimulatedClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Instant when) {
        Task t = new Task(when, seq++, task);
        queue.add(t);
        return () -> {
            synchronized (this) {
                queue.remove(t);
            }
        };
    }

    /** Runs due tasks one at a time until none is left or {@code max} ran; returns how many ran. */
    public int run(int max) {
        int ran = 0;
        while (ran < max) {
            Task t;
            synchronized (this) {
                t = queue.poll();
            }
            if (t == null) {
                break;
            }
            clock.advanceTo(t.when());
            t.run().run();
            ran++;
        }
        return ran;
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** A controller restart: whatever was scheduled in memory is gone. */
    public synchronized void forget() {
        queue.clear();
    }
}
