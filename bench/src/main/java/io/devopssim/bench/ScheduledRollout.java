package io.devopssim.bench;

import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.core.time.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * One rollout driven as the Jenkins step drives it: every transition runs on the shared scheduler when it is
 * due, and nothing holds a thread in between. Records how late each transition started.
 */
final class ScheduledRollout {
    private final CanaryEngine engine;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Queue<Long> lateMicros;
    private final CompletableFuture<RolloutState> done = new CompletableFuture<>();
    private Instant due;
    private boolean started;
    private int transitions;

    ScheduledRollout(CanaryEngine engine, Scheduler scheduler, Clock clock, Queue<Long> lateMicros) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.clock = clock;
        this.lateMicros = lateMicros;
    }

    CompletableFuture<RolloutState> begin() {
        due = clock.now();
        scheduler.schedule(this::tick, due);
        return done;
    }

    int wakeUps() {
        return transitions;
    }

    private synchronized void tick() {
        lateMicros.add(Math.max(0, Duration.between(due, clock.now()).toNanos() / 1000));
        transitions++;
        try {
            if (!started) {
                engine.start();
                started = true;
            }
            RolloutState s = engine.advance();
            if (s.phase().isTerminal()) {
                done.complete(s);
            } else {
                due = s.waitUntil();
                scheduler.schedule(this::tick, due);
            }
        } catch (Exception | Error e) {
            done.completeExceptionally(e);
        }
    }
}
