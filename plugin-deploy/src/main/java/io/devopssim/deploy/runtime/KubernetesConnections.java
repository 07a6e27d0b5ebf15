package io.devopssim.deploy.runtime;

import io.devopssim.core.spec.ClusterSpec;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One fabric8 client per cluster a spec names, kept for every rollout against it and closed with the runtime.
 * A {@code cluster:} section is one of: a context of the kubeconfig, an API server URL with a bearer token
 * from a named environment variable, or neither (the kubeconfig's current context, else the in-cluster
 * service account, as kubectl does). The JDK HTTP transport is named, not discovered, so that no other
 * transport on the class path (or Jenkins' class loader) is picked up.
 */
final class KubernetesConnections implements AutoCloseable {
    private final Path kubeconfig;
    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

    /** @param kubeconfig the kubeconfig file to read contexts from; null for kubectl's default ($KUBECONFIG, ~/.kube/config) */
    KubernetesConnections(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    KubernetesClient client(ClusterSpec cluster, Function<String, String> env) throws RuntimeSetupException {
        Objects.requireNonNull(cluster, "cluster");
        String token = cluster.tokenEnv() == null ? null : Secrets.required(env, cluster.tokenEnv(), "cluster.tokenEnv");
        String key = cluster + "|" + (token == null ? "" : sha256(token)); // the token itself is never kept in a key
        KubernetesClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        Config config = config(cluster, token);
        KubernetesClient fresh = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        KubernetesClient raced = clients.putIfAbsent(key, fresh);
        if (raced != null) {
            fresh.close();
            return raced;
        }
        return fresh;
    }

    private Config config(ClusterSpec cluster, String token) throws RuntimeSetupException {
        if (cluster.server() != null) {
            ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.server());
            if (token != null) {
                builder.withOauthToken(token);
            }
            return builder.build();
        }
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            throw new RuntimeSetupException("kubeconfig " + kubeconfig + " does not exist");
        }
        Config config;
        try {
            config = kubeconfig != null ? Config.fromKubeconfig(cluster.context(), kubeconfig.toFile())
                    : Config.autoConfigure(cluster.context());
        } catch (KubernetesClientException e) {
            throw new RuntimeSetupException("cannot read the kubeconfig" + (kubeconfig == null ? "" : " " + kubeconfig)
                    + ": " + e.getMessage(), e);
        }
        if (cluster.context() != null) {
            NamedContext current = config.getCurrentContext();
            if (current == null || !cluster.context().equals(current.getName())) {
                // fabric8 falls back to the current context for an unknown name; kubectl refuses, and so do we
                throw new RuntimeSetupException("cluster.context \"" + cluster.context() + "\" is not a context of the kubeconfig"
                        + (kubeconfig == null ? "" : " " + kubeconfig) + " (contexts: "
                        + String.join(", ", config.getContexts() == null ? java.util.List.of()
                                : config.getContexts().stream().map(NamedContext::getName).toList()) + ")");
            }
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new RuntimeSetupException("no Kubernetes API server found: no kubeconfig and not running in a cluster;"
                    + " give cluster.context with --kubeconfig, or cluster.server");
        }
        return config;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
    }
}
