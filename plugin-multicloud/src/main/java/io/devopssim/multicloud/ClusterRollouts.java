package io.devopssim.multicloud;

import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;

/**
 * Port: makes the rollout engine of one cluster (plugin-deploy's, for the wave's strategy), wired to that cluster's
 * traffic router, metrics and Argo CD. Opening the same rollout id again gives an engine over the same saved state
 * (a resume).
 */
@FunctionalInterface
public interface ClusterRollouts {

    RolloutEngine open(Cluster cluster, String rolloutId, RolloutSpec spec, RolloutListener listener) throws RolloutException;
}
