package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.spec.SpecNode;
import io.devopssim.core.spec.SpecProblem;
import io.devopssim.core.spec.YamlTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a wave plan from YAML (plugin-multicloud/README.md, "Wave plan") and validates all of it against a
 * cluster registry before anything happens: every problem at once, each with its path. The parts a wave shares
 * with a rollout spec (app, image, gitops, steps, analysis, simulation) are checked by core's
 * {@link RolloutSpecReader} itself, with the paths moved to where they are in the plan, so a wave's steps obey
 * exactly the rules of {@code devsim rollout}. Thread-safe.
 */
public final class WavePlanReader {
    static final List<String> KEYS = List.of("app", "image", "gitops", "traffic", "replicas", "failover", "healthInterval",
            "analysis", "waves", "simulation");
    static final List<String> WAVE_KEYS = List.of("name", "clusters", "strategy", "steps", "blueGreen", "rolling", "analysis",
            "soak");
    static final List<String> TRAFFIC_KEYS = List.of("file", "helm", "yaml");
    static final List<String> REPLICA_KEYS = List.of("helm", "yaml", "requestsPerReplica", "headroom", "min", "max");
    static final List<String> CLUSTER_SIMULATION_KEYS = List.of("seed", "pods", "requestsPerSecond", "canaryRegression",
            "unhealthyAfter");
    static final int MAX_REPLICAS = 10_000;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RolloutSpecReader rollouts = new RolloutSpecReader();

    public WavePlan read(Path file, ClusterRegistry registry) throws IOException, InvalidSpecException {
        return read(Files.readString(file, StandardCharsets.UTF_8), registry);
    }

    public WavePlan read(String yamlText, ClusterRegistry registry) throws InvalidSpecException {
        return read(YamlTrees.read(yamlText), registry);
    }

    public WavePlan read(JsonNode document, ClusterRegistry registry) throws InvalidSpecException {
        if (SpecNode.isAbsent(document) || (document.isObject() && document.isEmpty())) {
            throw new InvalidSpecException(List.of(new SpecProblem("", "the wave plan is empty")));
        }
        Problems problems = new Problems();
        SpecNode root = SpecNode.map(document, "", problems, true, KEYS).orElseThrow(() ->
                new InvalidSpecException(List.of(new SpecProblem("", "expected a map of " + String.join(", ", KEYS)
                        + ", got " + SpecNode.describe(document)))));
        Set<SpecProblem> shared = new LinkedHashSet<>();

        Optional<RolloutSpec> base = common(document, shared);
        Optional<TrafficWeightsSpec> traffic = root.get("traffic", false).flatMap(t -> traffic(t, problems));
        Optional<ReplicaSizing> replicas = root.get("replicas", false).flatMap(r -> replicas(r, problems));
        Optional<FailoverPolicy> failover = failover(root, traffic.isPresent() || !root.has("traffic"), problems);
        Optional<Duration> healthInterval = root.has("healthInterval") ? root.duration("healthInterval", false)
                .filter(d -> atLeastASecond(d, "healthInterval", problems)) : Optional.of(WavePlan.DEFAULT_HEALTH_INTERVAL);
        List<Wave> waves = waves(document, registry, problems, shared);
        Map<String, ClusterSimulation> simulation = simulation(document, base.map(RolloutSpec::simulation)
                .orElse(SimulationSpec.DEFAULT), waves, registry, problems);

        shared.forEach(p -> problems.add(p.path(), p.message()));
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.inSectionOrder(KEYS));
        }
        RolloutSpec b = base.orElseThrow();
        return new WavePlan(b.app(), b.image(), b.gitops(), traffic.orElse(null), replicas.orElse(null), failover.orElseThrow(),
                healthInterval.orElseThrow(), waves, simulation);
    }

    /** app, image, gitops and simulation, as a rollout spec with a placeholder step would have them. */
    private Optional<RolloutSpec> common(JsonNode document, Set<SpecProblem> shared) {
        ObjectNode spec = JSON.objectNode();
        copy(document, spec, "app");
        copy(document, spec, "image");
        copy(document, spec, "gitops");
        JsonNode simulation = document.get("simulation");
        if (simulation != null && simulation.isObject()) {
            ObjectNode fleet = simulation.deepCopy();
            fleet.remove("clusters");
            spec.set("simulation", fleet);
        } else if (simulation != null) {
            spec.set("simulation", simulation);
        }
        spec.putArray("steps").addObject().put("setWeight", 0);
        try {
            return Optional.of(rollouts.read(spec));
        } catch (InvalidSpecException e) {
            shared.addAll(e.problems());
            return Optional.empty();
        }
    }

    private List<Wave> waves(JsonNode document, ClusterRegistry registry, Problems problems, Set<SpecProblem> shared) {
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
            checkStepsForWaves(items.get(i).get("steps"), path, problems);
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
     * The wave's strategy, steps, blue-green or rolling section and gate, checked by core's rollout reader on a spec made of them (app, image and
     * gitops are placeholders here: the plan's own are checked once, in {@link #common}). Problems of the plan's
     * shared {@code analysis} keep its path, so three waves using it report it once.
     */
    private Optional<RolloutSpec> waveRollout(JsonNode document, JsonNode wave, String path, Set<SpecProblem> shared) {
        ObjectNode spec = JSON.objectNode();
        spec.put("app", "placeholder");
        spec.put("image", "example.com/placeholder:1");
        spec.putObject("gitops").put("repo", "file:///placeholder").put("file", "placeholder.yaml").put("helm", "image.tag");
        boolean ownGate = wave.isObject() && !SpecNode.isAbsent(wave.get("analysis"));
        copy(wave, spec, "strategy");
        copy(wave, spec, "steps");
        copy(wave, spec, "blueGreen");
        copy(wave, spec, "rolling");
        if (ownGate) {
            copy(wave, spec, "analysis");
        } else {
            copy(document, spec, "analysis");
        }
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

    /**
     * Waits for approval and chaos steps need what a wave does not give its clusters' rollouts yet. Read from the
     * YAML itself, so they are reported even when other problems of the wave stop its spec from being built.
     */
    private static void checkStepsForWaves(JsonNode steps, String path, Problems problems) {
        if (steps == null || !steps.isArray()) {
            return;
        }
        for (int j = 0; j < steps.size(); j++) {
            JsonNode step = steps.get(j);
            String at = path + ".steps[" + j + "]";
            JsonNode pause = step.get("pause");
            if (pause != null && pause.isObject() && SpecNode.isAbsent(pause.get("duration"))) {
                problems.add(at + ".pause", "waiting for approval is not supported in a wave; give a duration");
            } else if (step.has("chaos")) {
                problems.add(at + ".chaos", "chaos steps are not supported in a wave yet");
            }
        }
    }

    private static Optional<FailoverPolicy> failover(SpecNode root, boolean trafficOk, Problems problems) {
        if (!root.has("failover")) {
            return Optional.of(FailoverPolicy.ABORT);
        }
        return root.text("failover", false).flatMap(name -> {
            Optional<FailoverPolicy> policy = FailoverPolicy.fromYaml(name);
            if (policy.isEmpty()) {
                problems.add("failover", "\"" + name + "\" is not a failover policy (one of "
                        + String.join(", ", FailoverPolicy.yamlNames()) + ")");
            } else if (policy.get() == FailoverPolicy.SHIFT && !root.has("traffic") && trafficOk) {
                problems.add("failover", "shift needs traffic: (the manifest that holds the clusters' traffic weights)");
                return Optional.empty();
            }
            return policy;
        });
    }

    private static Optional<TrafficWeightsSpec> traffic(JsonNode section, Problems problems) {
        Optional<SpecNode> node = SpecNode.map(section, "traffic", problems, true, TRAFFIC_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        SpecNode t = node.get();
        Optional<String> file = t.text("file", true).filter(f -> relativeFile(f, t.path("file"), problems));
        Optional<String[]> locator = oneLocator(t, problems);
        if (file.isEmpty() || locator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrafficWeightsSpec(file.get(), locator.get()[1], locator.get()[0].equals("helm")));
    }

    private static Optional<ReplicaSizing> replicas(JsonNode section, Problems problems) {
        Optional<SpecNode> node = SpecNode.map(section, "replicas", problems, true, REPLICA_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        SpecNode r = node.get();
        Optional<String[]> locator = oneLocator(r, problems);
        Optional<Double> perReplica = r.number("requestsPerReplica", true).filter(v -> {
            if (v <= 0) {
                problems.add(r.path("requestsPerReplica"), "must be positive, got " + v);
                return false;
            }
            return true;
        });
        Optional<Double> headroom = r.has("headroom") ? r.number("headroom", false).filter(v -> {
            if (v < 0 || v > 10) {
                problems.add(r.path("headroom"), v + " is not in 0..10 (0.25 is 25% over the forecast)");
                return false;
            }
            return true;
        }) : Optional.of(ReplicaSizing.DEFAULT_HEADROOM);
        Optional<Integer> min = r.has("min") ? r.integer("min", false, 1, MAX_REPLICAS) : Optional.of(ReplicaSizing.DEFAULT_MIN);
        Optional<Integer> max = r.has("max") ? r.integer("max", false, 1, MAX_REPLICAS) : Optional.of(ReplicaSizing.DEFAULT_MAX);
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            problems.add(r.path("max"), "must be at least min (" + min.get() + "), got " + max.get());
            return Optional.empty();
        }
        if (locator.isEmpty() || perReplica.isEmpty() || headroom.isEmpty() || min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        ValueLocator where = locator.get()[0].equals("helm") ? new ValueLocator.HelmValue(locator.get()[1])
                : new ValueLocator.YamlPath(locator.get()[1]);
        return Optional.of(new ReplicaSizing(where, perReplica.get(), headroom.get(), min.get(), max.get()));
    }

    /** Exactly one of {@code helm} and {@code yaml}: {kind, value}. */
    private static Optional<String[]> oneLocator(SpecNode node, Problems problems) {
        if (node.has("helm") == node.has("yaml")) {
            problems.add(node.path(), "needs exactly one of helm, yaml (where the value is)");
            return Optional.empty();
        }
        String kind = node.has("helm") ? "helm" : "yaml";
        return node.text(kind, true).map(v -> new String[] {kind, v});
    }

    private static boolean relativeFile(String file, String path, Problems problems) {
        String normal = file.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("[A-Za-z]:.*") || List.of(normal.split("/")).contains("..")) {
            problems.add(path, "must be a path inside the repository, relative to its root, got \"" + file + "\"");
            return false;
        }
        return true;
    }

    private static boolean atLeastASecond(Duration d, String path, Problems problems) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(path, "must be at least 1s");
            return false;
        }
        return true;
    }

    /**
     * The simulated fleet of every cluster of the plan: the plan's {@code simulation:} with a seed of its own per
     * cluster (the plan's seed plus the cluster's position), overridden per cluster by
     * {@code simulation.clusters.<name>}, which may also say when the cluster turns unhealthy.
     */
    private Map<String, ClusterSimulation> simulation(JsonNode document, SimulationSpec base, List<Wave> waves,
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
        ObjectNode fleet = JSON.objectNode();
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
        ObjectNode spec = JSON.objectNode();
        spec.put("app", "placeholder");
        spec.put("image", "example.com/placeholder:1");
        spec.putObject("gitops").put("repo", "file:///placeholder").put("file", "placeholder.yaml").put("helm", "image.tag");
        spec.putArray("steps").addObject().put("setWeight", 0);
        spec.set("simulation", fleet);
        try {
            return Optional.of(new ClusterSimulation(rollouts.read(spec).simulation(), unhealthyAfter.orElse(null)));
        } catch (InvalidSpecException e) {
            for (SpecProblem p : e.problems()) {
                problems.add(p.path().replaceFirst("^simulation", java.util.regex.Matcher.quoteReplacement(path)), p.message());
            }
            return Optional.empty();
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String key) {
        if (from != null && from.isObject() && !SpecNode.isAbsent(from.get(key))) {
            to.set(key, from.get(key));
        }
    }
}
