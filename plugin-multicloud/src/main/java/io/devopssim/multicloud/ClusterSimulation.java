package io.devopssim.multicloud;

import io.devopssim.core.spec.SimulationSpec;

import java.time.Duration;

/**
 * A simulated cluster (devsim and dry runs): its fleet, and when it turns unhealthy.
 *
 * @param fleet          the simulated fleet of the app there
 * @param unhealthyAfter after this long from the plan's start the cluster reports unhealthy; null: never
 */
public record ClusterSimulation(SimulationSpec fleet, Duration unhealthyAfter) {
}
