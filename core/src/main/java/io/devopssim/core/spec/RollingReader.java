package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code rolling:}, the batches of a rolling update; replicas are the fleet's ({@code simulation.pods}). */
final class RollingReader {
    static final List<String> KEYS = List.of("maxSurge", "maxUnavailable", "healthCheck");
    static final String NO_BASELINE = "after the last batch no replica of the previous version is left to compare with";
    private static final Pattern PERCENT = Pattern.compile("([0-9]{1,3})%");

    private RollingReader() {
    }

    /** Empty when the strategy is not rolling (a section given anyway is reported) or the section is wrong. */
    static Optional<RollingSpec> read(JsonNode section, Optional<Strategy> strategy, AnalysisReader.Result analysis,
                                      Optional<SimulationSpec> simulation, List<String> refs, Problems problems) {
        if (strategy.isPresent() && strategy.get() != Strategy.ROLLING) {
            if (!SpecNode.isAbsent(section)) {
                problems.add("rolling", "only used by strategy rolling (strategy is " + strategy.get().yamlName() + ")");
            }
            return Optional.empty();
        }
        if (SpecNode.isAbsent(section)) {
            if (strategy.isPresent()) {
                problems.add("rolling", "required, with at least a healthCheck, as rolling: {healthCheck: {window: 1m,"
                        + " metrics: [{metric: error_rate, max: 0.02}]}}");
            }
            return Optional.empty();
        }
        Optional<SpecNode> read = SpecNode.map(section, "rolling", problems, true, KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = read.get();
        Optional<IntOrPercent> surge = node.has("maxSurge") ? intOrPercent(node, "maxSurge") : Optional.of(IntOrPercent.QUARTER);
        Optional<IntOrPercent> unavailable = node.has("maxUnavailable")
                ? intOrPercent(node, "maxUnavailable") : Optional.of(IntOrPercent.QUARTER);
        Optional<AnalysisCheck> health = Optional.empty();
        if (!node.has("healthCheck")) {
            problems.add(node.path("healthCheck"), "required: the analysis judged after every batch, as healthCheck:"
                    + " {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}");
        } else {
            health = AnalysisCheckReader.read(section.get("healthCheck"), node.path("healthCheck"), analysis, NO_BASELINE,
                    refs, problems);
        }
        if (surge.isEmpty() || unavailable.isEmpty() || health.isEmpty()) {
            return Optional.empty();
        }
        RollingSpec rolling = new RollingSpec(surge.get(), unavailable.get(), health.get());
        if (simulation.isPresent() && rolling.batchSize(simulation.get().pods()) == 0) {
            int replicas = simulation.get().pods();
            problems.add("rolling", "maxSurge " + surge.get() + " and maxUnavailable " + unavailable.get() + " of " + replicas
                    + " replicas (simulation.pods) round to 0 (surge up, unavailable down): no replica could ever be replaced");
            return Optional.empty();
        }
        return Optional.of(rolling);
    }

    /** {@code 2} or {@code "25%"}, as Kubernetes writes maxSurge and maxUnavailable. */
    private static Optional<IntOrPercent> intOrPercent(SpecNode node, String key) {
        JsonNode value = node.get(key, true).orElseThrow();
        if (value.isIntegralNumber()) {
            return node.integer(key, true, 0, SimulationSpec.MAX_PODS).map(n -> new IntOrPercent(n, false));
        }
        Matcher m = value.isTextual() ? PERCENT.matcher(value.asText()) : null;
        if (m == null || !m.matches()) {
            node.problems().add(node.path(key), "expected a number of replicas or a percentage such as 25%, got "
                    + SpecNode.describe(value));
            return Optional.empty();
        }
        int percent = Integer.parseInt(m.group(1));
        if (percent > 100) {
            node.problems().add(node.path(key), value.asText() + " is more than 100%");
            return Optional.empty();
        }
        return Optional.of(new IntOrPercent(percent, true));
    }
}
