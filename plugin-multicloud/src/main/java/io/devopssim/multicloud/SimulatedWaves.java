package io.devopssim.multicloud;

import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.RolloutException;

/**
 * Drives a wave plan on simulated time: whenever the plan waits, the clock jumps to the moment it waits for.
 * An hour of waves runs in seconds, through exactly the transitions it would take in real time.
 */
public final class SimulatedWaves {
    private static final int MAX_WAKEUPS = 100_000;

    private SimulatedWaves() {
    }

    /** Runs until the plan ends or a wave waits for approval (then returns the paused state). */
    public static WaveRunState toEnd(WaveEngine engine, SimulatedClock clock) throws RolloutException {
        WaveRunState s = engine.start();
        if (!s.events().isEmpty()) {
            // a resumed plan continues from where its own timeline stopped
            clock.advanceTo(s.events().get(s.events().size() - 1).time());
        }
        s = engine.advance();
        for (int i = 0; !s.phase().isTerminal() && s.phase() != PlanPhase.PAUSED; i++) {
            if (s.waitUntil() == null || i >= MAX_WAKEUPS) {
                throw new IllegalStateException("plan " + s.planId() + " stopped in " + s.phase() + " with nothing to wait for");
            }
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        return s;
    }
}
