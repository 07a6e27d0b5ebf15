package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a rollout spec from YAML (see core/README.md, "Rollout spec") and validates all of it before
 * anything acts on it: every problem is reported at once, each with its path, as an
 * {@link InvalidSpecException}. The YAML is parsed to a tree and walked by hand, rather than bound to
 * classes, so that an unknown key, a wrong type and a bad value each get a message a person can act on.
 * Thread-safe.
 */
public final class RolloutSpecReader {
    /** The top-level keys, in the order a spec is usually written and problems are listed. */
    static final List<String> KEYS = List.of("app", "image", "strategy", "steps", "blueGreen", "rolling", "analysis", "gitops",
            "simulation", "traffic", "cluster", "argocd");

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public RolloutSpec read(Path file) throws IOException, InvalidSpecException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public RolloutSpec read(String yamlText) throws InvalidSpecException {
        return read(YamlTrees.read(yamlText));
    }

    /** Reads a spec already parsed to a tree (from YAML, JSON, or Pipeline step arguments). */
    public RolloutSpec read(JsonNode document) throws InvalidSpecException {
        Problems problems = new Problems();
        if (SpecNode.isAbsent(document) || (document.isObject() && document.isEmpty())) {
            throw new InvalidSpecException(List.of(new SpecProblem("", "the spec is empty")));
        }
        if (!document.isObject()) {
            throw new InvalidSpecException(List.of(new SpecProblem("",
                    "expected a map of " + String.join(", ", KEYS) + ", got " + SpecNode.describe(document))));
        }
        SpecNode root = SpecNode.map(document, "", problems, true, KEYS).orElseThrow();

        Optional<String> app = root.text("app", true).filter(a -> checkApp(a, problems));
        Optional<ImageRef> image = root.text("image", true).flatMap(i -> image(i, problems));
        Optional<Strategy> strategy = strategy(root, problems);
        AnalysisReader.Result analysis = AnalysisReader.read(document.get("analysis"), problems);
        List<String> analysisSteps = new ArrayList<>();
        List<String> analysisRefs = new ArrayList<>();
        List<StepSpec> steps = StepsReader.read(document.get("steps"), analysis, strategy, analysisSteps, problems);
        Optional<BlueGreenSpec> blueGreen = BlueGreenReader.read(document.get("blueGreen"), strategy, analysis,
                analysisRefs, problems);
        Optional<GitOpsSpec> gitops = GitOpsReader.read(document.get("gitops"), problems);
        Optional<SimulationSpec> simulation = SimulationReader.read(document.get("simulation"), problems);
        Optional<RollingSpec> rolling = RollingReader.read(document.get("rolling"), strategy, analysis, simulation,
                analysisRefs, problems);
        if (analysis.metricsMissing()) {
            requireMetrics(analysisSteps, analysisRefs, problems);
        }
        Optional<RuntimeSpec> runtime = RuntimeReader.read(document, gitops, steps, problems);

        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.inSectionOrder(KEYS));
        }
        Strategy s = strategy.orElseThrow();
        return new RolloutSpec(app.orElseThrow(), image.orElseThrow(), s, steps, analysis.toSpec(), gitops.orElseThrow(),
                simulation.orElseThrow(), s.cutsOver() ? blueGreen.orElseThrow() : null,
                s == Strategy.ROLLING ? rolling.orElseThrow() : null, runtime.orElseThrow());
    }

    /** {@code analysis.metrics: required by the analysis steps at steps[1], steps[3] and blueGreen.prePromotionAnalysis}. */
    private static void requireMetrics(List<String> analysisSteps, List<String> analysisRefs, Problems problems) {
        List<String> users = new ArrayList<>();
        if (!analysisSteps.isEmpty()) {
            users.add("the analysis step" + (analysisSteps.size() > 1 ? "s" : "") + " at " + String.join(", ", analysisSteps));
        }
        users.addAll(analysisRefs);
        if (!users.isEmpty()) {
            problems.add("analysis.metrics", "required by " + String.join(" and ", users));
        }
    }

    private static boolean checkApp(String app, Problems problems) {
        if (app.length() > 63 || !DNS_LABEL.matcher(app).matches()) {
            problems.add("app", "\"" + app + "\" is not a DNS label (lowercase letters, digits and '-', "
                    + "starting and ending with a letter or digit, at most 63 characters)");
            return false;
        }
        return true;
    }

    private static Optional<ImageRef> image(String text, Problems problems) {
        Optional<ImageRef> image = ImageRefs.parse(text);
        if (image.isEmpty()) {
            problems.add("image", ImageRefs.problem(text));
        }
        return image;
    }

    private static Optional<Strategy> strategy(SpecNode root, Problems problems) {
        if (!root.has("strategy")) {
            return Optional.of(Strategy.CANARY);
        }
        List<String> supported = Arrays.stream(Strategy.values()).map(Strategy::yamlName).toList();
        return root.text("strategy", false).flatMap(name -> {
            Optional<Strategy> strategy = Arrays.stream(Strategy.values())
                    .filter(s -> s.yamlName().equals(name)).findFirst();
            if (strategy.isEmpty()) {
                problems.add("strategy", "\"" + name + "\" is not supported (supported: " + String.join(", ", supported) + ")");
            }
            return strategy;
        });
    }
}
