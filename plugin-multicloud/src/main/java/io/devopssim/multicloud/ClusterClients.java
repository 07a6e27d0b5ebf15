package io.devopssim.multicloud;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One client per cluster, made on first use from the registry entry and its credential, closed together.
 * The credential is resolved only then, so a registry with a missing credential fails for that cluster alone.
 */
public final class ClusterClients implements AutoCloseable {
    private final ClusterClientFactory factory;
    private final CredentialResolver credentials;
    private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();

    public ClusterClients(ClusterClientFactory factory, CredentialResolver credentials) {
        this.factory = factory;
        this.credentials = credentials;
    }

    public synchronized KubernetesClient client(Cluster cluster) throws CredentialResolver.CredentialException {
        KubernetesClient client = clients.get(cluster.name());
        if (client == null) {
            client = factory.create(cluster, credentials.resolve(cluster.auth()));
            clients.put(cluster.name(), client);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
    }
}
