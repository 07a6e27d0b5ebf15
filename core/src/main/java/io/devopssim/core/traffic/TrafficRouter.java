package io.devopssim.core.traffic;

/**
 * Port: shifts traffic between the stable version and the canary. Implementations: the simulator,
 * Kubernetes replica ratio, Gateway API HTTPRoute, Argo Rollouts, GitOps commits. Setting the weight
 * it already has is a no-op, so a resumed rollout can repeat the last step safely.
 */
public interface TrafficRouter {

    /** Sends {@code percent} (0..100) of requests to the canary. */
    void setCanaryWeight(int percent) throws TrafficRoutingException;

    /** The canary's current share of requests, 0..100. */
    int canaryWeight() throws TrafficRoutingException;
}
