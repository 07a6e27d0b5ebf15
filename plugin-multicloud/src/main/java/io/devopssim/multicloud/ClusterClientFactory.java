package io.devopssim.multicloud;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * Makes the fabric8 client of one cluster from its definition and its resolved credential. The only place that
 * sees a secret in the clear, and it only puts it into the client's configuration: nothing here logs or
 * formats a {@link Config}. Requests are bounded (connect and request timeouts, no retry loop) so that an
 * unreachable cluster is reported within seconds, not waited on.
 */
public final class ClusterClientFactory {
    /** What one request to an API server may take here: health checks must not hang a wave. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration timeout;
    private final Path kubeconfig;

    public ClusterClientFactory() {
        this(DEFAULT_TIMEOUT);
    }

    /** Kubeconfig contexts come from the machine's kubeconfig ({@code KUBECONFIG}'s first file, or {@code ~/.kube/config}). */
    public ClusterClientFactory(Duration timeout) {
        this(timeout, null);
    }

    /** @param kubeconfig the kubeconfig file that kubeconfig contexts are read from, or null for the machine's */
    public ClusterClientFactory(Duration timeout, Path kubeconfig) {
        this.timeout = timeout;
        this.kubeconfig = kubeconfig;
    }

    public KubernetesClient create(Cluster cluster, ClusterCredential credential) {
        return new KubernetesClientBuilder().withConfig(config(cluster, credential)).build();
    }

    Config config(Cluster cluster, ClusterCredential credential) {
        ConfigBuilder builder;
        if (cluster.auth() instanceof ClusterAuth.KubeconfigContext k) {
            // the kubeconfig's server, CA and user; an explicit endpoint or CA in the registry wins
            builder = new ConfigBuilder(fromKubeconfig(k.context()));
        } else {
            // nothing from the machine (no kubeconfig, no service account, no environment): only what is given
            builder = new ConfigBuilder(Config.empty()).withAutoConfigure(false);
        }
        if (cluster.apiEndpoint() != null) {
            builder.withMasterUrl(cluster.apiEndpoint().toString());
        }
        if (cluster.caCertificate() != null) {
            builder.withCaCertData(base64(cluster.caCertificate()));
        }
        if (credential instanceof ClusterCredential.Token t) {
            builder.withOauthToken(t.secret());
        } else if (credential instanceof ClusterCredential.ClientCertificate c) {
            builder.withClientCertData(base64(c.certificatePem())).withClientKeyData(base64(c.privateKeyPem()));
        }
        int millis = (int) timeout.toMillis();
        return builder.withConnectionTimeout(millis).withRequestTimeout(millis)
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /**
     * The context's configuration, refused when the kubeconfig has no such context (fabric8 would fall back to
     * another server). Messages name the file and the context, never the file's content.
     */
    private Config fromKubeconfig(String context) {
        Path file = kubeconfig != null ? kubeconfig : machineKubeconfig();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the kubeconfig at " + file);
        }
        Config config;
        try {
            config = Config.fromKubeconfig(context, text, file.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the kubeconfig at " + file + " cannot be read as a kubeconfig");
        }
        if (config.getCurrentContext() == null || !context.equals(config.getCurrentContext().getName())) {
            throw new IllegalArgumentException("the kubeconfig at " + file + " has no context " + context);
        }
        return config;
    }

    private static Path machineKubeconfig() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }
}
