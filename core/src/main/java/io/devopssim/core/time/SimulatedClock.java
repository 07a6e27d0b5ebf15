package io.devopssim.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told to. Thread-safe; never goes backwards. */
public final class SimulatedClock implements Clock {
    private final AtomicReference<Instant> now;

    public SimulatedClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock does not go backwards: " + by);
        }
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Moves to {@code target} if it is later than now; returns the (possibly unchanged) time. */
    public Instant advanceTo(Instant target) {
        return now.updateAndGet(t -> target.isAfter(t) ? target : t);
    }
}
