package io.devopssim.multicloud;

/**
 * Port: the health of one cluster now. Never throws for a sick cluster: an unreachable API server is a
 * {@link ClusterHealth.Status#UNREACHABLE} result, so a wave can apply its failover policy to it.
 * {@link KubernetesClusterHealth} asks the real API server; the simulator has its own.
 */
@FunctionalInterface
public interface ClusterHealthCheck {

    ClusterHealth check(Cluster cluster);
}
