package io.devopssim.deploy;

import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;
import io.devopssim.core.traffic.TrafficRoutingException;

/**
 * Where a blue-green preview is judged on the simulator before the cut-over. The preview takes no user
 * request then; a pre-promotion analysis watches test traffic instead, sent through the preview service and,
 * for a baseline, through the active one. The bench models that as a second simulated fleet: the same pods
 * per version, a test load as heavy as the users' split evenly between the active version and the preview
 * (which carries the release's regression), with its own seed so its noise is not the live fleet's.
 */
public final class PreviewBench {
    /** Keeps the bench's noise apart from the live fleet's. */
    private static final long SEED_OFFSET = 0x5EED_B1E5L;

    private PreviewBench() {
    }

    /** A bench on {@code clock}, with test traffic from its start: make it when the fleet is made. */
    public static FleetSimulator create(SimulationSpec simulation, Clock clock) {
        SimulationSpec bench = new SimulationSpec(simulation.seed() + SEED_OFFSET,
                Math.min(SimulationSpec.MAX_PODS, 2 * simulation.pods()), simulation.requestsPerSecond(),
                simulation.canaryRegression());
        FleetSimulator preview = new FleetSimulator(bench, clock);
        try {
            preview.setCanaryWeight(50);
        } catch (TrafficRoutingException e) {
            throw new IllegalStateException("50 is a valid weight", e);
        }
        return preview;
    }
}
