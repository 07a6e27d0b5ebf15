package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.metrics.MetricQuery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code steps:}, each a single-key map as in Argo Rollouts, and checks analysis steps against
 * the {@code analysis:} section: a window must hold the samples a judgement needs.
 */
final class StepsReader {
    static final List<String> KINDS = List.of("setWeight", "pause", "analysis", "chaos");

    private StepsReader() {
    }

    static List<StepSpec> read(JsonNode section, AnalysisReader.Result analysis, Problems problems) {
        List<StepSpec> steps = new ArrayList<>();
        if (SpecNode.isAbsent(section)) {
            problems.add("steps", "required");
            return steps;
        }
        Optional<List<JsonNode>> elements = SpecNode.list(section, "steps", problems);
        if (elements.isEmpty()) {
            return steps;
        }
        if (elements.get().isEmpty()) {
            problems.add("steps", "must have at least one step");
        }
        List<String> analysisSteps = new ArrayList<>();
        for (int i = 0; i < elements.get().size(); i++) {
            String path = SpecNode.element("steps", i);
            JsonNode element = elements.get().get(i);
            if (element != null && element.isObject() && element.size() == 1
                    && "analysis".equals(element.fieldNames().next())) {
                analysisSteps.add(path);
            }
            readStep(element, path, analysis, problems).ifPresent(steps::add);
        }
        if (!analysisSteps.isEmpty() && analysis.metricsMissing()) {
            problems.add("analysis.metrics", "required by the analysis step" + (analysisSteps.size() > 1 ? "s" : "")
                    + " at " + String.join(", ", analysisSteps));
        }
        return steps;
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

    /** {@code pause: 30s} or {@code pause: {duration: 30s}}. */
    private static Optional<StepSpec> pause(JsonNode value, String at, Problems problems) {
        if (value.isObject()) {
            return SpecNode.map(value, at, problems, true, List.of("duration"))
                    .flatMap(node -> node.duration("duration", true))
                    .map(StepSpec.Pause::new);
        }
        if (SpecNode.isAbsent(value)) {
            problems.add(at, "needs a duration, as pause: 30s or pause: {duration: 30s}");
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
        Duration interval = analysis.interval().get();
        long samples = window.get().dividedBy(interval);
        String windowPath = SpecNode.child(at, "window");
        if (samples < analysis.minSamples().get()) {
            problems.add(windowPath, Durations.format(window.get()) + " holds " + samples + " sample"
                    + (samples == 1 ? "" : "s") + " at analysis.interval " + Durations.format(interval)
                    + ", fewer than analysis.minSamples " + analysis.minSamples().get());
            return Optional.empty();
        }
        if (samples > MetricQuery.MAX_POINTS) {
            problems.add(windowPath, Durations.format(window.get()) + " holds " + samples + " samples at analysis.interval "
                    + Durations.format(interval) + "; a metrics source serves at most " + MetricQuery.MAX_POINTS);
            return Optional.empty();
        }
        return window.map(StepSpec.Analysis::new);
    }
}
