package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads {@code argocd:}: which Application to wait for, and how to reach Argo CD. */
final class ArgoCdReader {
    static final List<String> KEYS = List.of("application", "via", "namespace", "server", "tokenEnv", "timeout",
            "requestSync");

    private ArgoCdReader() {
    }

    /** Empty when invalid; the caller handles an absent section. */
    static Optional<ArgoCdSpec> read(JsonNode section, Problems problems) {
        Optional<SpecNode> argocd = SpecNode.map(section, "argocd", problems, false, KEYS);
        if (argocd.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = argocd.get();
        Optional<String> application = KubernetesNames.objectName(node, "application", true);
        Optional<ArgoCdSpec.Via> via = via(node);
        Optional<Duration> timeout = node.has("timeout") ? node.duration("timeout", false)
                : Optional.of(ArgoCdSpec.DEFAULT_TIMEOUT);
        Optional<Boolean> requestSync = RuntimeReader.bool(node, "requestSync", true);
        if (via.isEmpty()) {
            return Optional.empty();
        }
        boolean rest = via.get() == ArgoCdSpec.Via.REST;
        Optional<String> namespace = Optional.of(ArgoCdSpec.DEFAULT_NAMESPACE);
        Optional<String> server = Optional.empty();
        Optional<String> tokenEnv = Optional.empty();
        boolean ok = true;
        if (rest) {
            server = node.text("server", true).filter(s -> ClusterReader.checkServer(s, node.path("server"), problems));
            tokenEnv = KubernetesNames.envName(node, "tokenEnv", true);
            ok = onlyWith(node, "namespace", "kubernetes") && server.isPresent() && tokenEnv.isPresent();
        } else {
            ok = onlyWith(node, "server", "rest") & onlyWith(node, "tokenEnv", "rest");
            if (node.has("namespace")) {
                namespace = KubernetesNames.namespace(node, "namespace", false);
            }
        }
        if (!ok || application.isEmpty() || timeout.isEmpty() || requestSync.isEmpty() || namespace.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArgoCdSpec(application.get(), via.get(), rest ? null : namespace.get(),
                server.orElse(null), tokenEnv.orElse(null), timeout.get(), requestSync.get()));
    }

    private static Optional<ArgoCdSpec.Via> via(SpecNode node) {
        if (!node.has("via")) {
            return Optional.of(ArgoCdSpec.Via.KUBERNETES);
        }
        List<String> names = Arrays.stream(ArgoCdSpec.Via.values()).map(ArgoCdSpec.Via::yamlName).toList();
        return node.text("via", false).flatMap(name -> {
            Optional<ArgoCdSpec.Via> via = Arrays.stream(ArgoCdSpec.Via.values())
                    .filter(v -> v.yamlName().equals(name)).findFirst();
            if (via.isEmpty()) {
                node.problems().add(node.path("via"), "\"" + name + "\" is unknown (known: " + String.join(", ", names) + ")");
            }
            return via;
        });
    }

    private static boolean onlyWith(SpecNode node, String key, String via) {
        if (node.has(key)) {
            node.problems().add(node.path(key), "only with via: " + via);
            return false;
        }
        return true;
    }
}
