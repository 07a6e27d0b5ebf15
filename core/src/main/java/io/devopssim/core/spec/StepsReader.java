package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code steps:}, each a single-key map as in Argo Rollouts, and checks analysis steps against
 * the {@code analysis:} section: a window must hold the samples a judgement needs. A hybrid's steps are
 * its canary phase: below 100%, since the cut-over takes it there, and without {@code setCanaryScale}.
 */
final class StepsReader {
    static final List<String> KINDS = List.of("setWeight", "pause", "analysis", "chaos", "setCanaryScale");
    static final List<String> SCALE_KEYS = List.of("replicas", "weight", "matchTrafficWeight", "forecast");
    static final List<String> FORECAST_KEYS = List.of("requestsPerReplica", "headroom", "min", "max");

    private StepsReader() {
    }

    /**
     * @param strategy      the spec's strategy, empty when it is invalid (then the steps are read as a canary's,
     *                      but their absence is not reported again)
     * @param analysisSteps collects the paths of analysis steps, which need the section's metrics
     */
    static List<StepSpec> read(JsonNode section, AnalysisReader.Result analysis, Optional<Strategy> strategy,
                               List<String> analysisSteps, Problems problems) {
        List<StepSpec> steps = new ArrayList<>();
        if (strategy.isPresent() && !strategy.get().hasSteps()) {
            if (!SpecNode.isAbsent(section)) {
                problems.add("steps", "not used by strategy " + strategy.get().yamlName() + " (only canary and hybrid have steps)");
            }
            return steps;
        }
        if (SpecNode.isAbsent(section)) {
            if (strategy.isPresent()) {
                problems.add("steps", "required");
            }
            return steps;
        }
        Optional<List<JsonNode>> elements = SpecNode.list(section, "steps", problems);
        if (elements.isEmpty()) {
            return steps;
        }
        if (elements.get().isEmpty()) {
            problems.add("steps", "must have at least one step");
        }
        boolean hybrid = strategy.filter(s -> s == Strategy.HYBRID).isPresent();
        for (int i = 0; i < elements.get().size(); i++) {
            String path = SpecNode.element("steps", i);
            JsonNode element = elements.get().get(i);
            if (element != null && element.isObject() && element.size() == 1
                    && "analysis".equals(element.fieldNames().next())) {
                analysisSteps.add(path);
            }
            readStep(element, path, analysis, problems).filter(step -> !hybrid || fitsHybrid(step, path, problems))
                    .ifPresent(steps::add);
        }
        return steps;
    }

    private static boolean fitsHybrid(StepSpec step, String path, Problems problems) {
        if (step instanceof StepSpec.SetWeight w && w.weight() == 100) {
            problems.add(SpecNode.child(path, "setWeight"), "a hybrid's canary steps stay below 100 (its cut-over takes"
                    + " the release to 100%)");
            return false;
        }
        if (step instanceof StepSpec.SetCanaryScale) {
            problems.add(SpecNode.child(path, "setCanaryScale"), "not a hybrid step (its canary phase takes setWeight, pause,"
                    + " analysis and chaos; the cut-over runs the release at full scale)");
            return false;
        }
        return true;
    }

    private static Optional<StepSpec> readStep(JsonNode element, String path, AnalysisReader.Result analysis,
                                               Problems problems) {
        if (SpecNode.isAbsent(element) || !element.isObject()) {
            problems.add(path, "expected a step such as {setWeight: 10}, got " + SpecNode.describe(element));
            return Optional.empty();
        }
        if (element.size() != 1) {
            List<String> keys = new ArrayList<>();
            element.fieldNames().forEachRemaining(keys::add);
            problems.add(path, keys.isEmpty()
                    ? "expected one of " + String.join(", ", KINDS)
                    : "has " + keys.size() + " keys (" + String.join(", ", keys) + "); a step has exactly one");
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> only = element.fields();
        Map.Entry<String, JsonNode> step = only.next();
        String at = SpecNode.child(path, step.getKey());
        switch (step.getKey()) {
            case "setWeight":
                return setWeight(element, path, problems);
            case "pause":
                return pause(step.getValue(), at, problems);
            case "analysis":
                return analysis(step.getValue(), at, analysis, problems);
            case "chaos":
                return chaos(step.getValue(), at, problems);
            case "setCanaryScale":
                return canaryScale(step.getValue(), at, problems);
            default:
                problems.add(at, SpecNode.unknownKey(step.getKey(), KINDS));
                return Optional.empty();
        }
    }

    private static Optional<StepSpec> setWeight(JsonNode element, String path, Problems problems) {
        // the step's own map is read like any other, so the weight gets the same messages as every integer
        return SpecNode.map(element, path, problems, true, KINDS)
                .flatMap(node -> node.integer("setWeight", true, 0, 100))
                .map(StepSpec.SetWeight::new);
    }

    /** {@code pause: 30s}, {@code pause: {duration: 30s}}, or {@code pause: {}} (until approved). */
    private static Optional<StepSpec> pause(JsonNode value, String at, Problems problems) {
        if (value.isObject() && value.isEmpty()) {
            return Optional.of(new StepSpec.Pause(null));
        }
        if (value.isObject()) {
            return SpecNode.map(value, at, problems, true, List.of("duration"))
                    .flatMap(node -> node.duration("duration", true))
                    .map(StepSpec.Pause::new);
        }
        if (SpecNode.isAbsent(value)) {
            problems.add(at, "needs a duration, as pause: 30s or pause: {duration: 30s} (pause: {} waits for approval)");
            return Optional.empty();
        }
        return SpecNode.duration(value, at, problems).map(StepSpec.Pause::new);
    }

    /**
     * {@code chaos: {name: ..., faults: [...], ...}}: an experiment run against the canary. Its content is
     * plugin-chaos's experiment format, checked by the chaos engine when the rollout starts (before any side
     * effect); here only its shape.
     */
    private static Optional<StepSpec> chaos(JsonNode value, String at, Problems problems) {
        if (SpecNode.isAbsent(value) || !value.isObject() || value.isEmpty()) {
            problems.add(at, "needs an experiment, as chaos: {name: slow-canary, faults: [{latency: {ms: 200}}], duration: 1m}");
            return Optional.empty();
        }
        String name = value.path("name").asText("");
        try {
            return Optional.of(new StepSpec.Chaos(name.isBlank() ? "chaos" : name, YAML.writeValueAsString(value)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(at, "cannot be written back as YAML: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code setCanaryScale: {replicas: 3}}, {@code {weight: 20}}, {@code {matchTrafficWeight: true}} or
     * {@code {forecast: {requestsPerReplica: 50}}}: exactly one.
     */
    private static Optional<StepSpec> canaryScale(JsonNode value, String at, Problems problems) {
        Optional<SpecNode> node = SpecNode.map(value, at, problems, true, SCALE_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        long given = SCALE_KEYS.stream().filter(node.get()::has).count();
        if (given != 1) {
            problems.add(at, "needs exactly one of replicas, weight, matchTrafficWeight, forecast, as setCanaryScale: {replicas: 2}");
            return Optional.empty();
        }
        if (node.get().has("forecast")) {
            return forecastScale(node.get().get("forecast", true).orElseThrow(), SpecNode.child(at, "forecast"), problems);
        }
        if (node.get().has("replicas")) {
            return node.get().integer("replicas", true, 0, SimulationSpec.MAX_PODS)
                    .map(n -> new StepSpec.SetCanaryScale(CanaryScale.replicas(n)));
        }
        if (node.get().has("weight")) {
            return node.get().integer("weight", true, 0, 100).map(w -> new StepSpec.SetCanaryScale(CanaryScale.weight(w)));
        }
        return node.get().bool("matchTrafficWeight").flatMap(match -> {
            if (!match) {
                problems.add(node.get().path("matchTrafficWeight"), "only true is meaningful (replicas follow the traffic weight"
                        + " again); leave the step out otherwise");
                return Optional.empty();
            }
            return Optional.of(new StepSpec.SetCanaryScale(CanaryScale.MATCH_TRAFFIC_WEIGHT));
        });
    }

    /**
     * {@code forecast: {requestsPerReplica: 50, headroom: 0.25, min: 1, max: 20}}: the canary sized for its share
     * of the service's forecast request rate, as a wave plan's {@code replicas:} sizes a cluster (same keys).
     */
    private static Optional<StepSpec> forecastScale(JsonNode value, String at, Problems problems) {
        if (SpecNode.isAbsent(value) || value.isBoolean()) {
            problems.add(at, "needs the sizing rule, as forecast: {requestsPerReplica: 50} (headroom 0.25, min 1, max "
                    + SimulationSpec.MAX_PODS + " by default)");
            return Optional.empty();
        }
        Optional<SpecNode> node = SpecNode.map(value, at, problems, true, FORECAST_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        SpecNode f = node.get();
        Optional<Double> perReplica = f.number("requestsPerReplica", true).filter(v -> {
            if (v <= 0) {
                problems.add(f.path("requestsPerReplica"), "must be positive, got " + v);
                return false;
            }
            return true;
        });
        Optional<Double> headroom = f.has("headroom") ? f.number("headroom", false).filter(v -> {
            if (v < 0 || v > 10) {
                problems.add(f.path("headroom"), v + " is not in 0..10 (0.25 is 25% over the forecast)");
                return false;
            }
            return true;
        }) : Optional.of(ReplicaSizing.DEFAULT_HEADROOM);
        Optional<Integer> min = f.has("min") ? f.integer("min", false, 1, SimulationSpec.MAX_PODS) : Optional.of(1);
        Optional<Integer> max = f.has("max") ? f.integer("max", false, 1, SimulationSpec.MAX_PODS)
                : Optional.of(SimulationSpec.MAX_PODS);
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            problems.add(f.path("max"), "must be at least min (" + min.get() + "), got " + max.get());
            return Optional.empty();
        }
        if (perReplica.isEmpty() || headroom.isEmpty() || min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StepSpec.SetCanaryScale(CanaryScale.forecast(
                new ReplicaSizing(perReplica.get(), headroom.get(), min.get(), max.get()))));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    private static Optional<StepSpec> analysis(JsonNode value, String at, AnalysisReader.Result analysis,
                                               Problems problems) {
        if (SpecNode.isAbsent(value)) {
            problems.add(at, "needs a window, as analysis: {window: 2m}");
            return Optional.empty();
        }
        Optional<Duration> window = SpecNode.map(value, at, problems, true, List.of("window"))
                .flatMap(n -> n.duration("window", true));
        if (window.isEmpty() || analysis.interval().isEmpty() || analysis.minSamples().isEmpty()) {
            return window.map(StepSpec.Analysis::new);
        }
        if (!AnalysisReader.checkWindow(window.get(), analysis, "analysis", SpecNode.child(at, "window"), problems)) {
            return Optional.empty();
        }
        return window.map(StepSpec.Analysis::new);
    }
}
