package io.devopssim.multicloud;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One cluster of the registry, valid (built by {@link ClusterValidation}). Holds no secret: {@link #auth()}
 * names where the credential is.
 *
 * @param name          unique in the registry; a DNS label, used in rollout ids, commit trailers and weights
 * @param cloud         where it runs
 * @param region        the cloud's region name ({@code us-east-1}, {@code westeurope}, {@code europe-west1}, {@code ams3})
 * @param labels        free key/value pairs for selection and the summary
 * @param apiEndpoint   the API server, or null when the kubeconfig context names it
 * @param caCertificate PEM of the API server's certificate authority, or null (the JVM's trust store, or the
 *                      kubeconfig's)
 * @param auth          how to authenticate
 * @param argoCd        the Argo CD Applications deploying there
 * @param envPath       the cluster's folder in the GitOps environment repository ({@code clusters/do-ams3})
 */
public record Cluster(String name, Cloud cloud, String region, Map<String, String> labels, URI apiEndpoint,
                      String caCertificate, ClusterAuth auth, ArgoCdTarget argoCd, String envPath) {
    public Cluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(argoCd, "argoCd");
        Objects.requireNonNull(envPath, "envPath");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** A manifest of this cluster's environment: {@code envPath/file}. */
    public String fileInEnvironment(String file) {
        return envPath.endsWith("/") ? envPath + file : envPath + "/" + file;
    }

    /** {@code do-ams3 (DigitalOcean DOKS, ams3)}. */
    public String describe() {
        return name + " (" + cloud.displayName() + ", " + region + ")";
    }
}
