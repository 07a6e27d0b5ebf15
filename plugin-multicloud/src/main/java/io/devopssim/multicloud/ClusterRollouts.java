package io.devopssim.multicloud;

import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;

/**
 * Port: makes the rollout engine of one cluster, wired to that cluster's traffic router, metrics and Argo CD.
 * Opening the same rollout id again gives an engine over the same saved state (a resume).
 */
@FunctionalInterface
public interface ClusterRollouts {

    ClusterRollout open(Cluster cluster, String rolloutId, RolloutSpec spec, RolloutListener listener) throws RolloutException;
}
