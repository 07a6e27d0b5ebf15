package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.SpecNode;
import io.devopssim.core.spec.SpecProblem;
import io.devopssim.core.spec.YamlTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a cluster registry from YAML (plugin-multicloud/README.md, "Cluster registry") for the CLI; Jenkins
 * keeps the same registry in its global configuration. Every problem is reported at once, each with its path
 * ({@code clusters[1].auth: ...}), before anything connects anywhere. The field rules are
 * {@link ClusterValidation}'s, shared with the Jenkins form. Thread-safe.
 */
public final class ClusterRegistryReader {
    static final List<String> KEYS = List.of("clusters");
    static final List<String> CLUSTER_KEYS = List.of("name", "cloud", "region", "labels", "apiEndpoint", "caCertificate",
            "auth", "argoCd", "envPath");
    static final List<String> AUTH_KEYS = List.of("kubeconfigContext", "tokenCredentialsId", "clientCertificateCredentialsId");
    static final List<String> ARGOCD_KEYS = List.of("namespace", "applications");

    public ClusterRegistry read(Path file) throws IOException, InvalidSpecException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public ClusterRegistry read(String yamlText) throws InvalidSpecException {
        return read(YamlTrees.read(yamlText));
    }

    public ClusterRegistry read(JsonNode document) throws InvalidSpecException {
        if (SpecNode.isAbsent(document) || (document.isObject() && document.isEmpty())) {
            throw new InvalidSpecException(List.of(new SpecProblem("", "the cluster registry is empty")));
        }
        Problems problems = new Problems();
        Optional<SpecNode> root = SpecNode.map(document, "", problems, true, KEYS);
        List<ClusterFields> fields = new ArrayList<>();
        root.flatMap(r -> r.get("clusters", true))
                .flatMap(list -> SpecNode.list(list, "clusters", problems))
                .ifPresent(items -> {
                    if (items.isEmpty()) {
                        problems.add("clusters", "needs at least one cluster");
                    }
                    for (int i = 0; i < items.size(); i++) {
                        fields.add(cluster(items.get(i), SpecNode.element("clusters", i), problems));
                    }
                });
        // type problems first, then the field rules over what could be read
        try {
            ClusterRegistry registry = ClusterValidation.registry(fields, "clusters");
            if (!problems.isEmpty()) {
                throw new InvalidSpecException(problems.all());
            }
            return registry;
        } catch (InvalidSpecException rules) {
            List<SpecProblem> all = new ArrayList<>(problems.all());
            for (SpecProblem p : rules.problems()) {
                if (!all.contains(p) && !typeProblemAt(all, p.path())) {
                    all.add(p);
                }
            }
            throw new InvalidSpecException(all);
        }
    }

    /** A field already reported as the wrong type is not reported again as missing. */
    private static boolean typeProblemAt(List<SpecProblem> found, String path) {
        return found.stream().anyMatch(p -> p.path().equals(path) || path.startsWith(p.path() + ".")
                || p.path().startsWith(path + "."));
    }

    private static ClusterFields cluster(JsonNode item, String path, Problems problems) {
        Optional<SpecNode> node = SpecNode.map(item, path, problems, true, CLUSTER_KEYS);
        if (node.isEmpty()) {
            return new ClusterFields(null, null, null, null, null, null, null, null, null, null, null, null);
        }
        SpecNode c = node.get();
        Map<String, String> labels = c.get("labels", false).map(l -> labels(l, c.path("labels"), problems)).orElse(Map.of());
        String[] auth = new String[3];
        c.get("auth", false).flatMap(a -> SpecNode.map(a, c.path("auth"), problems, true, AUTH_KEYS)).ifPresent(a -> {
            for (int i = 0; i < AUTH_KEYS.size(); i++) {
                auth[i] = a.text(AUTH_KEYS.get(i), false).orElse(null);
            }
        });
        String[] namespace = new String[1];
        List<String> apps = new ArrayList<>();
        c.get("argoCd", false).flatMap(a -> SpecNode.map(a, c.path("argoCd"), problems, false, ARGOCD_KEYS)).ifPresent(a -> {
            namespace[0] = a.text("namespace", false).orElse(null);
            a.get("applications", false).flatMap(l -> SpecNode.list(l, a.path("applications"), problems)).ifPresent(l -> {
                for (int i = 0; i < l.size(); i++) {
                    if (l.get(i).isTextual()) {
                        apps.add(l.get(i).asText());
                    } else {
                        problems.add(SpecNode.element(a.path("applications"), i), "expected an Application name, got "
                                + SpecNode.describe(l.get(i)));
                    }
                }
            });
        });
        return new ClusterFields(c.text("name", false).orElse(null), c.text("cloud", false).orElse(null),
                c.text("region", false).orElse(null), labels, c.text("apiEndpoint", false).orElse(null),
                c.text("caCertificate", false).orElse(null), auth[0], auth[1], auth[2], namespace[0], apps,
                c.text("envPath", false).orElse(null));
    }

    private static Map<String, String> labels(JsonNode node, String path, Problems problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(path, "expected a map of label keys to values, got " + SpecNode.describe(node));
            return labels;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                labels.put(e.getKey(), e.getValue().asText());
            } else {
                problems.add(SpecNode.child(path, e.getKey()), "expected text, got " + SpecNode.describe(e.getValue())
                        + " (put it in quotes if it is meant as text)");
            }
        }
        return labels;
    }
}
