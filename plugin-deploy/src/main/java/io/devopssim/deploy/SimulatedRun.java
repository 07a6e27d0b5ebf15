package io.devopssim.deploy;

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

    public static RolloutState toEnd(CanaryEngine engine, SimulatedClock clock) throws RolloutException {
        engine.start();
        RolloutState s = engine.advance();
        for (int i = 0; !s.phase().isTerminal(); i++) {
            if (s.waitUntil() == null || i >= MAX_WAKEUPS) {
                throw new IllegalStateException("rollout " + s.rolloutId() + " stopped in " + s.phase() + " with nothing to wait for");
            }
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        return s;
    }
}
