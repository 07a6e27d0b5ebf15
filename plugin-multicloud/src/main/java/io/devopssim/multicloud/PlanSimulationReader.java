package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.spec.SpecNode;
import io.devopssim.core.spec.SpecProblem;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The simulated fleet of every cluster of the plan: the plan's {@code simulation:} with a seed of its own per
 * cluster (the plan's seed plus the cluster's position), overridden per cluster by
 * {@code simulation.clusters.<name>}, which may also say when the cluster turns unhealthy.
 */
final class PlanSimulationReader {
    static final List<String> CLUSTER_SIMULATION_KEYS = List.of("seed", "pods", "requestsPerSecond", "canaryRegression",
            "unhealthyAfter");

    private final RolloutSpecReader rollouts;

    PlanSimulationReader(RolloutSpecReader rollouts) {
        this.rollouts = rollouts;
    }

    Map<String, ClusterSimulation> simulation(JsonNode document, SimulationSpec base, List<Wave> waves,
                                              ClusterRegistry registry, Problems problems) {
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        JsonNode section = document.get("simulation");
        JsonNode clusters = section != null && section.isObject() ? section.get("clusters") : null;
        if (!SpecNode.isAbsent(clusters)) {
            if (!clusters.isObject()) {
                problems.add("simulation.clusters", "expected a map of cluster names, got " + SpecNode.describe(clusters));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = clusters.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (registry.find(e.getKey()).isEmpty()) {
                        problems.add(SpecNode.child("simulation.clusters", e.getKey()), "not in the cluster registry");
                    } else {
                        overrides.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
        Map<String, ClusterSimulation> result = new LinkedHashMap<>();
        List<String> planClusters = waves.stream().flatMap(w -> w.clusters().stream()).toList();
        for (int i = 0; i < planClusters.size(); i++) {
            String name = planClusters.get(i);
            SimulationSpec own = new SimulationSpec(base.seed() + i, base.pods(), base.requestsPerSecond(), base.canaryRegression());
            JsonNode override = overrides.remove(name);
            if (override == null) {
                result.put(name, new ClusterSimulation(own, null));
            } else {
                clusterSimulation(name, override, own, problems).ifPresent(s -> result.put(name, s));
            }
        }
        overrides.keySet().forEach(name -> problems.add(SpecNode.child("simulation.clusters", name),
                "is in no wave of this plan"));
        return result;
    }

    private Optional<ClusterSimulation> clusterSimulation(String name, JsonNode override, SimulationSpec own,
                                                          Problems problems) {
        String path = SpecNode.child("simulation.clusters", name);
        Optional<SpecNode> node = SpecNode.map(override, path, problems, true, CLUSTER_SIMULATION_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> unhealthyAfter = node.get().has("unhealthyAfter")
                ? node.get().duration("unhealthyAfter", false) : Optional.empty();
        if (node.get().has("unhealthyAfter") && unhealthyAfter.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode fleet = PlanNodes.JSON.objectNode();
        fleet.put("seed", own.seed()).put("pods", own.pods()).put("requestsPerSecond", own.requestsPerSecond());
        fleet.putObject("canaryRegression").put("errorRateDelta", own.canaryRegression().errorRateDelta())
                .put("latencyFactor", own.canaryRegression().latencyFactor())
                .put("cpuFactor", own.canaryRegression().cpuFactor());
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("unhealthyAfter") && CLUSTER_SIMULATION_KEYS.contains(e.getKey())) {
                fleet.set(e.getKey(), e.getValue());
            }
        }
        ObjectNode spec = PlanNodes.placeholderSpec();
        spec.putArray("steps").addObject().put("setWeight", 0);
        spec.set("simulation", fleet);
        try {
            return Optional.of(new ClusterSimulation(rollouts.read(spec).simulation(), unhealthyAfter.orElse(null)));
        } catch (InvalidSpecException e) {
            for (SpecProblem p : e.problems()) {
                problems.add(p.path().replaceFirst("^simulation", Matcher.quoteReplacement(path)), p.message());
            }
            return Optional.empty();
        }
    }
}
