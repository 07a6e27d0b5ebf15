package io.devopssim.core.sim;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet at one instant, read consistently: what /metrics shows.
 *
 * @param time         the clock's time when it was taken
 * @param canaryWeight the canary's share of requests then, 0..100
 * @param versions     both versions, stable first
 */
public record FleetSnapshot(Instant time, int canaryWeight, Map<Version, VersionSnapshot> versions) {
    public FleetSnapshot {
        versions = Map.copyOf(versions);
    }

    /**
     * One version at that instant.
     *
     * @param pods   pods running it (0 when it takes no traffic)
     * @param sample what it is doing now; empty when it takes no traffic
     * @param totals what it has served since the simulator started
     */
    public record VersionSnapshot(int pods, Optional<VersionSample> sample, TrafficTotals totals) {
    }
}
