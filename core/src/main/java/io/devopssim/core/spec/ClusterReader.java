package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code cluster:}: a kubeconfig context or an API server URL, the namespace, a token by variable name. */
final class ClusterReader {
    static final List<String> KEYS = List.of("context", "server", "tokenEnv", "namespace");

    private ClusterReader() {
    }

    /**
     * @param neededBy      what needs a cluster (for the message when the section is missing), or null
     * @param namespaceFor  what needs {@code namespace} (a router), or null
     * @return empty when invalid or missing; {@code Optional.of(Optional.empty())} when absent and not needed
     */
    static Optional<Optional<ClusterSpec>> read(JsonNode section, String neededBy, String namespaceFor,
                                                Problems problems) {
        if (SpecNode.isAbsent(section)) {
            if (neededBy != null) {
                problems.add("cluster", "required by " + neededBy + " (a kubeconfig context or an API server URL,"
                        + " and the namespace)");
                return Optional.empty();
            }
            return Optional.of(Optional.empty());
        }
        Optional<SpecNode> cluster = SpecNode.map(section, "cluster", problems, false, KEYS);
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = cluster.get();
        if (neededBy == null) {
            problems.add("cluster", "not used: traffic.router is not a Kubernetes router and argocd is not reached via"
                    + " kubernetes; remove it, or choose a router that uses it");
            return Optional.empty();
        }
        boolean ok = true;
        if (node.has("context") && node.has("server")) {
            problems.add(node.path(), "give context (from the kubeconfig) or server (an API server URL), not both");
            ok = false;
        }
        Optional<String> context = node.text("context", false);
        Optional<String> server = node.text("server", false).filter(s -> checkServer(s, node.path("server"), problems));
        Optional<String> tokenEnv = KubernetesNames.envName(node, "tokenEnv", false);
        if (node.has("tokenEnv") && !node.has("server")) {
            problems.add(node.path("tokenEnv"), "only with server: a kubeconfig context brings its own credentials");
            ok = false;
        }
        Optional<String> namespace = KubernetesNames.namespace(node, "namespace", false);
        if (namespaceFor != null && !node.has("namespace")) {
            problems.add(node.path("namespace"), "required by " + namespaceFor);
            ok = false;
        }
        boolean invalid = (node.has("context") && context.isEmpty()) || (node.has("server") && server.isEmpty())
                || (node.has("tokenEnv") && tokenEnv.isEmpty()) || (node.has("namespace") && namespace.isEmpty());
        if (!ok || invalid) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(new ClusterSpec(context.orElse(null), server.orElse(null), tokenEnv.orElse(null),
                namespace.orElse(null))));
    }

    /** An http or https URL with a host and no credentials in it. */
    static boolean checkServer(String url, String path, Problems problems) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(path, "\"" + url + "\" is not a valid URL: " + e.getReason());
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            problems.add(path, "\"" + url + "\" is not an http or https URL");
            return false;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            problems.add(path, "\"" + url + "\" has no host");
            return false;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(path, "must not carry credentials; name the variable holding the token in tokenEnv");
            return false;
        }
        return true;
    }
}
