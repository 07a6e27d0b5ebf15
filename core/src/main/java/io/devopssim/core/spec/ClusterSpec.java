package io.devopssim.core.spec;

/**
 * The spec's {@code cluster:} section: which Kubernetes API the routers and Argo CD's Applications are
 * reached through. Credentials are named, never written: {@code tokenEnv} is the name of an environment
 * variable holding a bearer token.
 *
 * @param context   a kubeconfig context, or null
 * @param server    an API server URL, or null (at most one of context and server; neither: the kubeconfig's
 *                  current context, or the in-cluster service account)
 * @param tokenEnv  environment variable with a bearer token for {@code server}, or null
 * @param namespace where the routers' objects are; null when only Argo CD is reached through the cluster
 */
public record ClusterSpec(String context, String server, String tokenEnv, String namespace) {
}
