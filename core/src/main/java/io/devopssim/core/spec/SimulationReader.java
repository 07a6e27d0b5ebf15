package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** Reads {@code simulation:}, every key of which has a default. */
final class SimulationReader {
    static final List<String> KEYS = List.of("seed", "pods", "requestsPerSecond", "canaryRegression");
    static final List<String> REGRESSION_KEYS = List.of("errorRateDelta", "latencyFactor", "cpuFactor");

    private SimulationReader() {
    }

    static Optional<SimulationSpec> read(JsonNode section, Problems problems) {
        SimulationSpec defaults = SimulationSpec.DEFAULT;
        Optional<SpecNode> simulation = SpecNode.map(section, "simulation", problems, false, KEYS);
        if (simulation.isEmpty()) {
            return SpecNode.isAbsent(section) ? Optional.of(defaults) : Optional.empty();
        }
        SpecNode node = simulation.get();
        Optional<Long> seed = node.has("seed") ? node.longInteger("seed") : Optional.of(defaults.seed());
        Optional<Integer> pods = node.has("pods")
                ? node.integer("pods", false, 1, SimulationSpec.MAX_PODS)
                : Optional.of(defaults.pods());
        Optional<Double> rate = node.has("requestsPerSecond")
                ? positive(node, "requestsPerSecond")
                : Optional.of(defaults.requestsPerSecond());
        Optional<RegressionSpec> regression = node.has("canaryRegression")
                ? regression(node.get("canaryRegression", false).orElseThrow(), node.path("canaryRegression"), problems)
                : Optional.of(defaults.canaryRegression());
        if (seed.isEmpty() || pods.isEmpty() || rate.isEmpty() || regression.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SimulationSpec(seed.get(), pods.get(), rate.get(), regression.get()));
    }

    private static Optional<RegressionSpec> regression(JsonNode section, String path, Problems problems) {
        Optional<SpecNode> regression = SpecNode.map(section, path, problems, true, REGRESSION_KEYS);
        if (regression.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = regression.get();
        Optional<Double> errorRateDelta = node.has("errorRateDelta") ? node.number("errorRateDelta", false) : Optional.of(0.0);
        if (errorRateDelta.isPresent() && (errorRateDelta.get() < 0 || errorRateDelta.get() > 1)) {
            problems.add(node.path("errorRateDelta"), AnalysisReader.number(errorRateDelta.get()) + " is not in 0..1");
            errorRateDelta = Optional.empty();
        }
        Optional<Double> latencyFactor = node.has("latencyFactor") ? positive(node, "latencyFactor") : Optional.of(1.0);
        Optional<Double> cpuFactor = node.has("cpuFactor") ? positive(node, "cpuFactor") : Optional.of(1.0);
        if (errorRateDelta.isEmpty() || latencyFactor.isEmpty() || cpuFactor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RegressionSpec(errorRateDelta.get(), latencyFactor.get(), cpuFactor.get()));
    }

    private static Optional<Double> positive(SpecNode node, String key) {
        Optional<Double> value = node.number(key, false);
        if (value.isPresent() && value.get() <= 0) {
            node.problems().add(node.path(key), "must be greater than 0, got " + AnalysisReader.number(value.get()));
            return Optional.empty();
        }
        return value;
    }
}
