package io.devopssim.multicloud;

import io.devopssim.core.time.Clock;
import io.devopssim.deploy.argocd.ApplicationState;
import io.devopssim.deploy.argocd.ArgoCdException;
import io.devopssim.deploy.argocd.KubernetesArgoCdApplications;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.List;

/**
 * Health through the cluster's own API server: the node list answers (reachable), every node's {@code Ready}
 * condition is True, and every Argo CD Application of the cluster (read with plugin-deploy's
 * {@link KubernetesArgoCdApplications}) is Healthy or Progressing. Read-only: two kinds of GET per look.
 */
public final class KubernetesClusterHealth implements ClusterHealthCheck {
    private final ClusterClients clients;
    private final Clock clock;

    public KubernetesClusterHealth(ClusterClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public ClusterHealth check(Cluster cluster) {
        KubernetesClient client;
        try {
            client = clients.client(cluster);
        } catch (CredentialResolver.CredentialException e) {
            return ClusterHealth.unreachable(cluster.name(), clock.now(), "no credential: " + e.getMessage());
        } catch (RuntimeException e) {
            // a kubeconfig without that context, a malformed CA: the client cannot even be made
            return ClusterHealth.unreachable(cluster.name(), clock.now(), "cannot make a client: " + firstLine(e.getMessage()));
        }
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (KubernetesClientException e) {
            return ClusterHealth.unreachable(cluster.name(), clock.now(), "API server did not answer"
                    + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "") + ": " + firstLine(rootMessage(e)));
        }
        List<String> notReady = new ArrayList<>();
        for (Node node : nodes) {
            if (!isReady(node)) {
                notReady.add(node.getMetadata().getName());
            }
        }
        int ready = nodes.size() - notReady.size();
        List<ClusterHealth.ApplicationHealth> apps = new ArrayList<>();
        List<String> sick = new ArrayList<>();
        KubernetesArgoCdApplications argoCd = new KubernetesArgoCdApplications(client, cluster.argoCd().namespace());
        for (String app : cluster.argoCd().applications()) {
            ClusterHealth.ApplicationHealth health;
            try {
                ApplicationState state = argoCd.get(app);
                health = new ClusterHealth.ApplicationHealth(app, state.syncStatus(), state.healthStatus());
            } catch (ArgoCdException e) {
                health = new ClusterHealth.ApplicationHealth(app, "", e.getMessage().contains("not found") ? "Missing" : "Unknown");
            }
            apps.add(health);
            if (!health.healthy()) {
                sick.add(app + " " + (health.health().isEmpty() ? "Unknown" : health.health()));
            }
        }
        boolean healthy = !nodes.isEmpty() && notReady.isEmpty() && sick.isEmpty();
        StringBuilder message = new StringBuilder(ready + "/" + nodes.size() + " nodes Ready");
        if (!notReady.isEmpty()) {
            message.append(" (not Ready: ").append(String.join(", ", notReady)).append(')');
        }
        for (ClusterHealth.ApplicationHealth a : apps) {
            message.append("; ").append(a.name()).append(' ').append(a.sync().isEmpty() ? "?" : a.sync()).append('/')
                    .append(a.health().isEmpty() ? "?" : a.health());
        }
        return new ClusterHealth(cluster.name(), healthy ? ClusterHealth.Status.HEALTHY : ClusterHealth.Status.UNHEALTHY,
                clock.now(), ready, nodes.size(), apps, message.toString());
    }

    private static boolean isReady(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition condition : node.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
