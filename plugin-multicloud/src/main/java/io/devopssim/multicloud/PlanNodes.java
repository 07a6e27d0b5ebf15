package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.SpecNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the readers of a wave plan's sections share: copying parts into a rollout spec, locators, paths. */
final class PlanNodes {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PlanNodes() {
    }

    /**
     * A rollout spec whose app, image and gitops are placeholders, for core's reader to check the other parts
     * (the plan's own app, image and gitops are checked once, by {@link WavePlanReader}).
     */
    static ObjectNode placeholderSpec() {
        ObjectNode spec = JSON.objectNode();
        spec.put("app", "placeholder");
        spec.put("image", "example.com/placeholder:1");
        spec.putObject("gitops").put("repo", "file:///placeholder").put("file", "placeholder.yaml").put("helm", "image.tag");
        return spec;
    }

    static void copy(JsonNode from, ObjectNode to, String key) {
        if (from != null && from.isObject() && !SpecNode.isAbsent(from.get(key))) {
            to.set(key, from.get(key));
        }
    }

    /** Exactly one of {@code helm} and {@code yaml}: {kind, value}. */
    static Optional<String[]> oneLocator(SpecNode node, Problems problems) {
        if (node.has("helm") == node.has("yaml")) {
            problems.add(node.path(), "needs exactly one of helm, yaml (where the value is)");
            return Optional.empty();
        }
        String kind = node.has("helm") ? "helm" : "yaml";
        return node.text(kind, true).map(v -> new String[] {kind, v});
    }

    static boolean relativeFile(String file, String path, Problems problems) {
        String normal = file.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("[A-Za-z]:.*") || List.of(normal.split("/")).contains("..")) {
            problems.add(path, "must be a path inside the repository, relative to its root, got \"" + file + "\"");
            return false;
        }
        return true;
    }

    static boolean atLeastASecond(Duration d, String path, Problems problems) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(path, "must be at least 1s");
            return false;
        }
        return true;
    }
}
