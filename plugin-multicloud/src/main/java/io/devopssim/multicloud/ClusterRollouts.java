package io.devopssim.multicloud;

import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;

import java.time.Instant;

/**
 * Port: makes the rollout engine of one cluster (plugin-deploy's, for the wave's strategy), wired to that cluster's
 * traffic router, metrics and Argo CD. Opening the same rollout id again gives an engine over the same saved state
 * (a resume).
 */
@FunctionalInterface
public interface ClusterRollouts {

    RolloutEngine open(Cluster cluster, String rolloutId, RolloutSpec spec, RolloutListener listener) throws RolloutException;

    /**
     * Checks, before the plan starts, that this runtime can run the rollout on the cluster (its chaos steps, its
     * approvals); the message says why not. By default everything a rollout engine does is possible.
     */
    default void check(Cluster cluster, String path, RolloutSpec spec) throws RolloutException {
    }

    /**
     * Lets a rollout paused until approved go on; does nothing when it is not paused (an approval given twice is
     * given once).
     */
    default void approve(String rolloutId, String who, Instant now) throws RolloutException {
        throw new RolloutException("this runtime cannot approve rollout " + rolloutId);
    }
}
