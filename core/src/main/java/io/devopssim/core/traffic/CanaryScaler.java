package io.devopssim.core.traffic;

import io.devopssim.core.spec.CanaryScale;

/**
 * Optional port beside {@link TrafficRouter}: runs the canary at a number of replicas apart from its share of
 * requests ({@code setCanaryScale}, as in Argo Rollouts, where it needs traffic routing: with a replica-ratio
 * split the replicas are the weight). The simulator implements it. Setting the scale it has is a no-op.
 */
public interface CanaryScaler {

    void setCanaryScale(CanaryScale scale) throws TrafficRoutingException;

    CanaryScale canaryScale() throws TrafficRoutingException;
}
