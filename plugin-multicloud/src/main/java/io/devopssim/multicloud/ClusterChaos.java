package io.devopssim.multicloud;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.sim.FleetSimulator;

/**
 * The chaos engine of one cluster's rollout (core's {@link ChaosExperiments} port, which plugin-chaos implements),
 * against the fleet that rollout runs on. {@link #NONE} refuses chaos steps, with plugin-chaos's name in the reason.
 */
@FunctionalInterface
public interface ClusterChaos {
    ClusterChaos NONE = (cluster, fleet) -> ChaosExperiments.NONE;

    ChaosExperiments experiments(Cluster cluster, FleetSimulator fleet);
}
