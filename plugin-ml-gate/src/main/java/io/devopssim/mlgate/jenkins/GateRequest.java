package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.MetricCriterion;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step's arguments as text (serialized with the Pipeline program) and their validation. The analysis
 * is built from these arguments rather than from a rollout spec's {@code analysis:} YAML: core's
 * AnalysisReader is package-private, and a one-line-per-metric form is all a gate needs. The model path is
 * checked here only for presence; it is loaded (and an unusable one refused) when the step starts.
 */
record GateRequest(String prometheusUrl, String canarySelector, String baselineSelector, String window,
                   String judge, String metrics, String failOn, String model, String threshold, String stages)
        implements Serializable {
    static final String DEFAULT_WINDOW = "5m";
    static final String DEFAULT_JUDGE = "mannWhitney";
    static final String DEFAULT_FAIL_ON = "notPassed";
    static final List<String> FAIL_ON = List.of("notPassed", "failed", "never");
    static final String DEFAULT_METRICS = StandardMetrics.ERROR_RATE + " max=0.02 maxRatio=2\n"
            + StandardMetrics.LATENCY_P99_MS + " maxRatio=1.5";
    /** Sampling step: Prometheus' usual scrape interval. */
    static final Duration STEP = Duration.ofSeconds(15);

    /** Without a model: the threshold and Mann-Whitney judges. */
    GateRequest(String prometheusUrl, String canarySelector, String baselineSelector, String window, String judge,
                String metrics, String failOn) {
        this(prometheusUrl, canarySelector, baselineSelector, window, judge, metrics, failOn, null, null, null);
    }

    /** The validated form; every problem is an AbortException, before any request is made. */
    record Validated(URI prometheus, String canarySelector, String baselineSelector, Duration window,
                     AnalysisSpec analysis, String failOn) {
        boolean fails(Verdict v) {
            return switch (failOn) {
                case "never" -> false;
                case "failed" -> v == Verdict.FAILED || v == Verdict.ERROR;
                default -> v != Verdict.PASSED;
            };
        }
    }

    Validated validate() throws AbortException {
        List<String> problems = new ArrayList<>();
        URI uri = prometheusUri(problems);
        require(canarySelector, "canarySelector", problems);
        require(baselineSelector, "baselineSelector", problems);
        Duration w = Durations.parse(window == null ? DEFAULT_WINDOW : window).orElse(null);
        if (w == null || w.compareTo(STEP.multipliedBy(3)) < 0) {
            problems.add("window \"" + window + "\" is not a duration of at least 45s (" + Durations.EXAMPLES + ")");
        }
        JudgeKind kind = JudgeKind.fromYaml(judge == null ? DEFAULT_JUDGE : judge).orElse(null);
        if (kind == null) {
            problems.add("judge \"" + judge + "\" is unknown; use one of " + JudgeKind.yamlNames());
        }
        String f = failOn == null ? DEFAULT_FAIL_ON : failOn;
        if (!FAIL_ON.contains(f)) {
            problems.add("failOn \"" + failOn + "\" is unknown; use one of " + FAIL_ON);
        }
        List<MetricCriterion> criteria = criteria(metrics == null ? DEFAULT_METRICS : metrics, problems);
        List<JudgeKind> stageList = stages(kind, problems);
        boolean usesModel = kind == JudgeKind.XGBOOST || (kind == JudgeKind.COMBINED && stageList.contains(JudgeKind.XGBOOST));
        if (usesModel && model == null) {
            problems.add("model is required by judge " + kind.yamlName() + ": a model directory written by devsim gate train"
                    + " or trainDeploymentGate");
        } else if (!usesModel && model != null && kind != null) {
            problems.add("model is read only by judge xgboost, or combined with an xgboost stage");
        }
        double p = probability(problems);
        if (!problems.isEmpty()) {
            throw new AbortException("deploymentGate: " + String.join("; ", problems));
        }
        // at least three canary samples, as the Mann-Whitney judge needs, whatever the window
        return new Validated(uri, canarySelector, baselineSelector, w,
                new AnalysisSpec(STEP, 3, criteria, kind, usesModel ? model : null, p, stageList), f);
    }

    /** A combined judge's stages, comma-separated; the default stages when none are given. */
    private List<JudgeKind> stages(JudgeKind kind, List<String> problems) {
        if (kind != JudgeKind.COMBINED) {
            if (stages != null) {
                problems.add("stages are read only by judge combined");
            }
            return List.of();
        }
        if (stages == null) {
            return JudgeKind.DEFAULT_STAGES;
        }
        List<JudgeKind> out = new ArrayList<>();
        for (String name : stages.split("\\s*,\\s*")) {
            JudgeKind k = JudgeKind.fromYaml(name.trim()).orElse(null);
            if (k == null || k == JudgeKind.COMBINED || out.contains(k)) {
                problems.add("stages: \"" + name.trim() + "\" is not a stage, or is given twice ("
                        + String.join(", ", JudgeKind.stageNames()) + ")");
            } else {
                out.add(k);
            }
        }
        return out;
    }

    private double probability(List<String> problems) {
        if (threshold == null) {
            return AnalysisSpec.DEFAULT_THRESHOLD;
        }
        Double t = number(threshold.trim());
        if (t == null || !(t > 0 && t < 1)) {
            problems.add("threshold \"" + threshold + "\" is not a probability between 0 and 1");
            return AnalysisSpec.DEFAULT_THRESHOLD;
        }
        return t;
    }

    private URI prometheusUri(List<String> problems) {
        if (prometheusUrl == null) {
            problems.add("prometheusUrl is required");
            return null;
        }
        try {
            URI uri = new URI(prometheusUrl.endsWith("/") ? prometheusUrl : prometheusUrl + "/");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.add("prometheusUrl \"" + prometheusUrl + "\" is not an http(s) URL with a host");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("prometheusUrl \"" + prometheusUrl + "\" is not a URL: " + e.getReason());
            return null;
        }
    }

    private static void require(String selector, String name, List<String> problems) {
        if (selector == null) {
            problems.add(name + " is required");
        } else if (!selector.trim().startsWith("{") || !selector.trim().endsWith("}")) {
            problems.add(name + " \"" + selector + "\" must be PromQL label matchers in braces, e.g. {app=\"shop\",track=\"canary\"}");
        }
    }

    /** One criterion a line (or separated by ';'): {@code metric [max=N] [min=N] [maxRatio=N]}. */
    static List<MetricCriterion> criteria(String text, List<String> problems) {
        List<MetricCriterion> out = new ArrayList<>();
        for (String line : text.split("[\\n;]")) {
            String[] words = line.trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            Double max = null;
            Double min = null;
            Double maxRatio = null;
            for (int i = 1; i < words.length; i++) {
                String[] kv = words[i].split("=", 2);
                Double value = kv.length == 2 ? number(kv[1]) : null;
                if (value == null) {
                    problems.add("metrics: \"" + words[i] + "\" of " + words[0] + " is not key=number");
                    continue;
                }
                switch (kv[0]) {
                    case "max" -> max = value;
                    case "min" -> min = value;
                    case "maxRatio" -> maxRatio = value;
                    default -> problems.add("metrics: unknown bound \"" + kv[0] + "\" of " + words[0] + " (max, min, maxRatio)");
                }
            }
            if (!StandardMetrics.ALL.contains(words[0])) {
                problems.add("metrics: unknown metric \"" + words[0] + "\"; known: " + StandardMetrics.ALL);
            } else if (max == null && min == null && maxRatio == null) {
                problems.add("metrics: " + words[0] + " has no bound (max=, min= or maxRatio=)");
            } else {
                out.add(new MetricCriterion(words[0], max, min, maxRatio));
            }
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add("metrics names no criterion");
        }
        return out;
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
