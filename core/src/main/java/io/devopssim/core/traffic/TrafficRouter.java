package io.devopssim.core.traffic;

import java.util.Optional;

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

    /**
     * Sets the weight as one named change of a rollout ({@link TrafficChange#name()} is the same across restarts),
     * so a router that records every change (GitOps: one commit each) makes each change at most once.
     *
     * @return the revision a deployment controller must apply before the weight takes effect (the engine
     *         then waits for it without holding a thread), or empty when it has taken effect already
     */
    default Optional<String> changeCanaryWeight(TrafficChange change) throws TrafficRoutingException {
        setCanaryWeight(change.percent());
        return Optional.empty();
    }

    /**
     * Takes traffic back to {@code change.percent()} in a rollback. A router that records its changes (GitOps)
     * undoes the rollout's own changes, newest first, by reverting them, until it holds that weight, so the
     * history shows what was undone and a deployment controller's auto-sync agrees with it; any other router
     * sets the weight. Safe to repeat: what is undone already is not undone again.
     *
     * @return as {@link #changeCanaryWeight(TrafficChange)}: the revision to wait for, if any
     */
    default Optional<String> takeBack(TrafficChange change) throws TrafficRoutingException {
        return changeCanaryWeight(change);
    }

    /**
     * After a restart, puts the weight back where the saved state says, for a router that may have lost it
     * (a restarted simulator, an HTTPRoute reverted by hand). A router whose state is itself the durable
     * record (GitOps) leaves it: a change made just before the restart and not yet saved is found again
     * when the engine repeats that change, and writing the older weight first would commit twice.
     */
    default void restoreCanaryWeight(int percent) throws TrafficRoutingException {
        setCanaryWeight(percent);
    }
}
