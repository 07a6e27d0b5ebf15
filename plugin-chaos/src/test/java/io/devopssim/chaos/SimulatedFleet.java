package io.devopssim.chaos;

import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Duration;
import java.time.Instant;

/** Given: a simulated fleet with a canary at 20 %, a chaos backend on it, and a driver for runners. */
final class SimulatedFleet {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final SimulatedClock clock = new SimulatedClock(T0);
    final FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);
    final SimulatorBackend backend = new SimulatorBackend(fleet);

    SimulatedFleet() {
        try {
            fleet.setCanaryWeight(20);
        } catch (TrafficRoutingException e) {
            throw new IllegalStateException(e);
        }
        clock.advance(Duration.ofMinutes(2)); // some history for the first check's window
    }

    /** Advances the runner and the clock until the experiment is done; bounded. */
    ExperimentState runToEnd(ChaosRunner runner, String id, ExperimentSpec spec) throws ChaosException {
        ExperimentState s = runner.start(id, spec);
        for (int i = 0; i < 10_000 && !s.isDone(); i++) {
            s = runner.advance(id, spec);
            if (!s.isDone() && s.waitUntil() != null) {
                clock.advanceTo(s.waitUntil());
            }
        }
        if (!s.isDone()) {
            throw new AssertionError("experiment did not finish: " + s.phase());
        }
        return s;
    }

    static ExperimentSpec spec(String yaml) {
        try {
            return new ExperimentReader().read(yaml);
        } catch (InvalidSpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
