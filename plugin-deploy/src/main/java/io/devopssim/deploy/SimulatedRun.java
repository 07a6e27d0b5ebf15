package io.devopssim.deploy;

import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.SimulatedClock;

/**
 * Drives a rollout on simulated time: whenever the engine waits, the clock jumps to the moment it waits
 * for. A 30-minute canary runs in milliseconds, through exactly the transitions it would take in real time.
 */
public final class SimulatedRun {
    private static final int MAX_WAKEUPS = 100_000;

    private SimulatedRun() {
    }

    /** Runs until the rollout ends or pauses for approval (then returns the paused state). */
    public static RolloutState toEnd(RolloutEngine engine, SimulatedClock clock) throws RolloutException {
        RolloutState started = engine.start();
        if (!started.events().isEmpty()) {
            // a resumed rollout continues from where its own timeline stopped, not from an earlier clock
            clock.advanceTo(started.events().get(started.events().size() - 1).time());
        }
        RolloutState s = engine.advance();
        for (int i = 0; !s.phase().isTerminal() && s.phase() != RolloutPhase.PAUSED; i++) {
            if (s.waitUntil() == null || i >= MAX_WAKEUPS) {
                throw new IllegalStateException("rollout " + s.rolloutId() + " stopped in " + s.phase() + " with nothing to wait for");
            }
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        return s;
    }
}
