package io.devopssim.multicloud;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One look at a cluster: is its API server reachable, are its nodes Ready, are the Argo CD Applications that
 * deploy there healthy.
 *
 * @param cluster      the cluster's name
 * @param status       the verdict of this look
 * @param checkedAt    when it was made
 * @param nodesReady   nodes whose Ready condition is True
 * @param nodes        nodes in the cluster (0 when unreachable)
 * @param applications the Argo CD Applications, in registry order
 * @param message      one line saying why, for logs and the summary
 */
public record ClusterHealth(String cluster, Status status, Instant checkedAt, int nodesReady, int nodes,
                            List<ApplicationHealth> applications, String message) {

    public enum Status {
        /** Reachable, every node Ready, every Application Healthy (or Progressing towards it). */
        HEALTHY,
        /** Reachable, but a node is not Ready or an Application is Degraded, Missing or unknown. */
        UNHEALTHY,
        /** The API server did not answer (or refused the credential). */
        UNREACHABLE
    }

    /** An Application's {@code status.sync.status} and {@code status.health.status} ("" when absent). */
    public record ApplicationHealth(String name, String sync, String health) {
        /** Progressing is a deployment on its way (a rollout in progress), not a fault. */
        public boolean healthy() {
            return "Healthy".equals(health) || "Progressing".equals(health);
        }
    }

    public ClusterHealth {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        applications = List.copyOf(applications);
    }

    public boolean healthy() {
        return status == Status.HEALTHY;
    }

    public static ClusterHealth unreachable(String cluster, Instant at, String why) {
        return new ClusterHealth(cluster, Status.UNREACHABLE, at, 0, 0, List.of(), why);
    }
}
