package io.devopssim.multicloud;

import io.devopssim.core.time.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Health of simulated clusters: healthy, except a cluster whose simulation says it turns unhealthy after some
 * time from the plan's start ({@code simulation.clusters.<name>.unhealthyAfter}), which then reports its API
 * server unreachable.
 */
public final class SimulatedClusterHealth implements ClusterHealthCheck {
    private final Map<String, ClusterSimulation> simulation;
    private final Instant planStart;
    private final Clock clock;

    public SimulatedClusterHealth(Map<String, ClusterSimulation> simulation, Instant planStart, Clock clock) {
        this.simulation = Map.copyOf(simulation);
        this.planStart = planStart;
        this.clock = clock;
    }

    @Override
    public ClusterHealth check(Cluster cluster) {
        Instant now = clock.now();
        ClusterSimulation sim = simulation.get(cluster.name());
        Duration after = sim == null ? null : sim.unhealthyAfter();
        if (after != null && !now.isBefore(planStart.plus(after))) {
            return ClusterHealth.unreachable(cluster.name(), now, "simulated outage since "
                    + io.devopssim.core.spec.Durations.format(after) + " into the plan: API server did not answer");
        }
        int pods = sim == null ? 3 : Math.max(1, Math.min(3, sim.fleet().pods()));
        return new ClusterHealth(cluster.name(), ClusterHealth.Status.HEALTHY, now, pods, pods, List.of(),
                pods + "/" + pods + " nodes Ready (simulated)");
    }
}
