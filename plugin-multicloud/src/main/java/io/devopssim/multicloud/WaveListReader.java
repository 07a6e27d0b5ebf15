package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.SpecNode;
import io.devopssim.core.spec.SpecProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plan's {@code waves:}: names, clusters (in the registry, each in one wave), soak, and each wave's strategy,
 * steps, blue-green/rolling section and gate, checked by core's rollout reader with paths moved into the plan.
 */
final class WaveListReader {
    static final List<String> WAVE_KEYS = List.of("name", "clusters", "strategy", "steps", "blueGreen", "rolling", "analysis",
            "soak");

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final RolloutSpecReader rollouts;

    WaveListReader(RolloutSpecReader rollouts) {
        this.rollouts = rollouts;
    }

    /** @param shared problems that may repeat across waves (the plan's own gate), reported once */
    List<Wave> waves(JsonNode document, ClusterRegistry registry, Problems problems, Set<SpecProblem> shared) {
        List<Wave> waves = new ArrayList<>();
        JsonNode list = document.get("waves");
        if (SpecNode.isAbsent(list)) {
            problems.add("waves", "required");
            return waves;
        }
        List<JsonNode> items = SpecNode.list(list, "waves", problems).orElse(List.of());
        if (list.isArray() && items.isEmpty()) {
            problems.add("waves", "needs at least one wave");
        }
        Map<String, String> waveOfCluster = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = SpecNode.element("waves", i);
            Optional<SpecNode> node = SpecNode.map(items.get(i), path, problems, true, WAVE_KEYS);
            if (node.isEmpty()) {
                continue;
            }
            SpecNode w = node.get();
            Optional<String> name = w.text("name", true).filter(n -> {
                if (!DNS_LABEL.matcher(n).matches()) {
                    problems.add(w.path("name"), "\"" + n + "\" is not a DNS label (lowercase letters, digits and '-');"
                            + " it names the wave's commits");
                    return false;
                }
                if (!names.add(n)) {
                    problems.add(w.path("name"), "\"" + n + "\" is the name of an earlier wave");
                    return false;
                }
                return true;
            });
            List<String> clusters = clusters(w, registry, waveOfCluster, problems);
            Optional<Duration> soak = w.has("soak") ? w.duration("soak", false) : Optional.of(Duration.ZERO);
            Optional<RolloutSpec> rollout = waveRollout(document, items.get(i), path, shared);
            if (name.isPresent() && !clusters.isEmpty() && soak.isPresent() && rollout.isPresent()) {
                RolloutSpec r = rollout.get();
                waves.add(new Wave(name.get(), clusters, r.strategy(), r.steps(), r.analysis(), r.blueGreen(), r.rolling(),
                        soak.get()));
            }
        }
        return waves;
    }

    private static List<String> clusters(SpecNode w, ClusterRegistry registry, Map<String, String> waveOfCluster,
                                         Problems problems) {
        List<String> clusters = new ArrayList<>();
        Optional<List<JsonNode>> items = w.get("clusters", true).flatMap(l -> SpecNode.list(l, w.path("clusters"), problems));
        if (items.isEmpty()) {
            return clusters;
        }
        if (items.get().isEmpty()) {
            problems.add(w.path("clusters"), "needs at least one cluster");
        }
        boolean allGood = true;
        for (int j = 0; j < items.get().size(); j++) {
            JsonNode c = items.get().get(j);
            String at = SpecNode.element(w.path("clusters"), j);
            if (!c.isTextual()) {
                problems.add(at, "expected a cluster name, got " + SpecNode.describe(c));
                allGood = false;
                continue;
            }
            String name = c.asText();
            if (registry.find(name).isEmpty()) {
                problems.add(at, "\"" + name + "\" is not in the cluster registry (known: "
                        + (registry.clusters().isEmpty() ? "none" : String.join(", ", registry.names())) + ")");
                allGood = false;
            } else if (waveOfCluster.containsKey(name)) {
                problems.add(at, "\"" + name + "\" is already in " + waveOfCluster.get(name) + "; a cluster is in one wave");
                allGood = false;
            } else {
                waveOfCluster.put(name, w.path());
                clusters.add(name);
            }
        }
        return allGood ? clusters : List.of();
    }

    /**
     * The wave's strategy, steps, blue-green or rolling section and gate, checked by core's rollout reader on a spec
     * made of them. Problems of the plan's shared {@code analysis} keep its path, so three waves using it report it once.
     */
    private Optional<RolloutSpec> waveRollout(JsonNode document, JsonNode wave, String path, Set<SpecProblem> shared) {
        ObjectNode spec = PlanNodes.placeholderSpec();
        boolean ownGate = wave.isObject() && !SpecNode.isAbsent(wave.get("analysis"));
        PlanNodes.copy(wave, spec, "strategy");
        PlanNodes.copy(wave, spec, "steps");
        PlanNodes.copy(wave, spec, "blueGreen");
        PlanNodes.copy(wave, spec, "rolling");
        PlanNodes.copy(ownGate ? wave : document, spec, "analysis");
        try {
            return Optional.of(rollouts.read(spec));
        } catch (InvalidSpecException e) {
            for (SpecProblem p : e.problems()) {
                boolean planGate = p.path().startsWith("analysis") && !ownGate;
                shared.add(new SpecProblem(planGate ? p.path() : p.path().isEmpty() ? path : path + "." + p.path(), p.message()));
            }
            return Optional.empty();
        }
    }
}
