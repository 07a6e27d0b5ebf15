package io.devopssim.multicloud;

import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.deploy.PreviewBench;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated fleet per cluster, made the first time the cluster's rollout opens and kept after: like a real
 * cluster, it outlives the engine that drives it (a resumed plan finds its traffic split where it was).
 */
public final class SimulatedFleets {
    private final Clock clock;
    private final Map<String, FleetSimulator> fleets = new LinkedHashMap<>();
    private final Map<String, FleetSimulator> previews = new LinkedHashMap<>();

    public SimulatedFleets(Clock clock) {
        this.clock = clock;
    }

    public synchronized FleetSimulator fleet(String cluster, SimulationSpec spec) {
        return fleets.computeIfAbsent(cluster, c -> new FleetSimulator(spec, clock));
    }

    /** The cluster's preview bench, where a blue-green release is judged before it takes users' requests. */
    public synchronized FleetSimulator preview(String cluster, SimulationSpec spec) {
        return previews.computeIfAbsent(cluster, c -> PreviewBench.create(spec, clock));
    }

    /** The fleets made so far, by cluster (for reports). */
    public synchronized Map<String, FleetSimulator> all() {
        return Map.copyOf(fleets);
    }
}
