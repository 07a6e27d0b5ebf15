package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a wave plan from YAML (plugin-multicloud/README.md, "Wave plan") and validates all of it against a
 * cluster registry before anything happens: every problem at once, each with its path. The parts a wave shares
 * with a rollout spec (app, image, gitops, steps, analysis, simulation) are checked by core's
 * {@link RolloutSpecReader} itself, with the paths moved to where they are in the plan, so a wave's steps obey
 * exactly the rules of {@code devsim rollout}. One reader per section: {@link WaveListReader} (waves),
 * {@link FailoverSectionReader} (failover, traffic), {@link SizingSectionReader} (replicas),
 * {@link PlanSimulationReader} (simulation). Thread-safe.
 */
public final class WavePlanReader {
    static final List<String> KEYS = List.of("app", "image", "gitops", "traffic", "replicas", "failover", "healthInterval",
            "analysis", "waves", "simulation");

    private final RolloutSpecReader rollouts = new RolloutSpecReader();
    private final WaveListReader waves = new WaveListReader(rollouts);
    private final PlanSimulationReader simulations = new PlanSimulationReader(rollouts);

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
        Optional<TrafficWeightsSpec> traffic = root.get("traffic", false)
                .flatMap(t -> FailoverSectionReader.traffic(t, problems));
        Optional<ReplicaSizing> replicas = root.get("replicas", false)
                .flatMap(r -> SizingSectionReader.replicas(r, problems));
        Optional<FailoverPolicy> failover = FailoverSectionReader.failover(root, traffic.isPresent() || !root.has("traffic"),
                problems);
        Optional<Duration> healthInterval = root.has("healthInterval") ? root.duration("healthInterval", false)
                .filter(d -> PlanNodes.atLeastASecond(d, "healthInterval", problems)) : Optional.of(WavePlan.DEFAULT_HEALTH_INTERVAL);
        List<Wave> planWaves = waves.waves(document, registry, problems, shared);
        Map<String, ClusterSimulation> simulation = simulations.simulation(document, base.map(RolloutSpec::simulation)
                .orElse(SimulationSpec.DEFAULT), planWaves, registry, problems);

        shared.forEach(p -> problems.add(p.path(), p.message()));
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.inSectionOrder(KEYS));
        }
        RolloutSpec b = base.orElseThrow();
        return new WavePlan(b.app(), b.image(), b.gitops(), traffic.orElse(null), replicas.orElse(null), failover.orElseThrow(),
                healthInterval.orElseThrow(), planWaves, simulation);
    }

    /** app, image, gitops and simulation, as a rollout spec with a placeholder step would have them. */
    private Optional<RolloutSpec> common(JsonNode document, Set<SpecProblem> shared) {
        ObjectNode spec = PlanNodes.JSON.objectNode();
        PlanNodes.copy(document, spec, "app");
        PlanNodes.copy(document, spec, "image");
        PlanNodes.copy(document, spec, "gitops");
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
}
