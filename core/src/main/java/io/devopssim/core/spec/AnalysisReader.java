package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.StandardMetrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code analysis:} section. */
final class AnalysisReader {
    static final List<String> KEYS = List.of("interval", "minSamples", "judge", "model", "threshold", "stages", "metrics");
    static final List<String> CRITERION_KEYS = List.of("metric", "max", "min", "maxRatio");
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final int DEFAULT_MIN_SAMPLES = 5;
    /** Finer sampling than this is noise, and a long window of it would swamp any metrics source. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    /**
     * What the section says, for the checks of analysis steps: each part is empty when it was wrong
     * (and reported), so that a broken interval does not also make every window wrong.
     *
     * @param interval       the sampling step
     * @param minSamples     the fewest canary samples a judgement rests on
     * @param metrics        the criteria that are valid
     * @param metricsMissing true when no criterion was written at all (absent, null or an empty list) and the
     *                       judge reads criteria
     * @param judge          the judge, with its model settings
     */
    record Result(Optional<Duration> interval, Optional<Integer> minSamples, List<MetricCriterion> metrics,
                  boolean metricsMissing, Optional<JudgeSettings> judge) {

        Result(Optional<Duration> interval, Optional<Integer> minSamples, List<MetricCriterion> metrics,
               boolean metricsMissing) {
            this(interval, minSamples, metrics, metricsMissing, Optional.of(JudgeSettings.DEFAULT));
        }

        AnalysisSpec toSpec() {
            JudgeSettings j = judge.orElseThrow();
            return new AnalysisSpec(interval.orElseThrow(), minSamples.orElseThrow(), metrics, j.kind(), j.model(),
                    j.threshold(), j.stages());
        }

        /** The criteria, when every part of them could be read (any other problem is reported already). */
        Optional<AnalysisSpec> spec() {
            return interval.isPresent() && minSamples.isPresent() && judge.isPresent()
                    ? Optional.of(toSpec()) : Optional.empty();
        }
    }

    /** {@code judge}, {@code model}, {@code threshold} and {@code stages}, checked together. */
    record JudgeSettings(JudgeKind kind, String model, double threshold, List<JudgeKind> stages) {
        static final JudgeSettings DEFAULT = new JudgeSettings(JudgeKind.THRESHOLD, null, AnalysisSpec.DEFAULT_THRESHOLD, List.of());

        boolean readsCriteria() {
            return (kind == JudgeKind.COMBINED ? stages : List.of(kind)).stream().anyMatch(JudgeKind::readsCriteria);
        }
    }

    private AnalysisReader() {
    }

    static Result read(JsonNode section, Problems problems) {
        return read(section, "analysis", KEYS, problems);
    }

    /**
     * Reads analysis criteria at {@code path}, a mapping whose known keys are {@code keys} (the section's
     * own, or those of an inline analysis that also has a window).
     */
    static Result read(JsonNode section, String path, List<String> keys, Problems problems) {
        Optional<SpecNode> analysis = SpecNode.map(section, path, problems, false, keys);
        if (analysis.isEmpty()) {
            boolean broken = !SpecNode.isAbsent(section);
            return new Result(broken ? Optional.empty() : Optional.of(DEFAULT_INTERVAL),
                    broken ? Optional.empty() : Optional.of(DEFAULT_MIN_SAMPLES), List.of(), !broken);
        }
        SpecNode node = analysis.get();
        Optional<Duration> interval = node.has("interval") ? node.duration("interval", false) : Optional.of(DEFAULT_INTERVAL);
        if (interval.isPresent() && interval.get().compareTo(MIN_INTERVAL) < 0) {
            problems.add(node.path("interval"), "must be at least 1s, got " + Durations.format(interval.get()));
            interval = Optional.empty();
        }
        Optional<Integer> minSamples = node.has("minSamples")
                ? node.integer("minSamples", false, 2, MetricQuery.MAX_POINTS)
                : Optional.of(DEFAULT_MIN_SAMPLES);
        List<MetricCriterion> metrics = new ArrayList<>();
        boolean missing = true;
        Optional<JsonNode> listed = node.get("metrics", false);
        if (listed.isPresent()) {
            Optional<List<JsonNode>> elements = SpecNode.list(listed.get(), node.path("metrics"), problems);
            missing = elements.map(List::isEmpty).orElse(false);
            elements.ifPresent(list -> readCriteria(list, node.path("metrics"), problems, metrics));
        }
        Optional<JudgeSettings> judge = readJudge(node, problems);
        boolean criteriaMissing = missing && judge.map(JudgeSettings::readsCriteria).orElse(true);
        return new Result(interval, minSamples, List.copyOf(metrics), criteriaMissing, judge);
    }

    /**
     * The judge and, for the model-based ones, the model, its threshold and the combined stages. Settings a
     * judge would not read are refused rather than ignored: a {@code model:} under a threshold judge is a
     * spec that does not do what its author thinks.
     */
    private static Optional<JudgeSettings> readJudge(SpecNode node, Problems problems) {
        Optional<JudgeKind> kind = Optional.of(JudgeKind.THRESHOLD);
        if (node.has("judge")) {
            kind = node.text("judge", false).flatMap(name -> {
                Optional<JudgeKind> k = JudgeKind.fromYaml(name);
                if (k.isEmpty()) {
                    problems.add(node.path("judge"), "\"" + name + "\" is not a judge (known: "
                            + String.join(", ", JudgeKind.yamlNames()) + ")");
                }
                return k;
            });
        }
        Optional<List<JudgeKind>> stages = Optional.of(List.of());
        if (kind.isPresent() && kind.get() == JudgeKind.COMBINED) {
            stages = node.has("stages") ? readStages(node, problems) : Optional.of(JudgeKind.DEFAULT_STAGES);
        }
        boolean stagesFine = true;
        if (node.has("stages") && kind.isPresent() && kind.get() != JudgeKind.COMBINED) {
            problems.add(node.path("stages"), "only a combined judge has stages (judge is " + kind.get().yamlName() + ")");
            stagesFine = false; // the judge's own settings are still checked below
        }
        boolean usesModel = kind.isPresent() && stages.isPresent()
                && (kind.get() == JudgeKind.XGBOOST || stages.get().contains(JudgeKind.XGBOOST));
        Optional<String> model = Optional.empty();
        boolean modelFine = true;
        if (usesModel && !node.has("model")) {
            problems.add(node.path("model"), "required by the " + kind.get().yamlName()
                    + " judge: a model directory written by devsim gate train (or one of its versions)");
            modelFine = false;
        } else if (usesModel) {
            model = node.text("model", false);
            modelFine = model.isPresent();
        } else if (node.has("model") && kind.isPresent() && stages.isPresent()) {
            problems.add(node.path("model"), "only the xgboost judge (or a combined judge with an xgboost stage) reads a model");
            modelFine = false;
        }
        double threshold = AnalysisSpec.DEFAULT_THRESHOLD;
        boolean thresholdFine = true;
        if (node.has("threshold")) {
            Optional<Double> t = node.number("threshold", false);
            if (t.isPresent() && !(t.get() > 0 && t.get() < 1)) {
                problems.add(node.path("threshold"), "must be a probability between 0 and 1 (exclusive), got " + number(t.get()));
                t = Optional.empty();
            } else if (t.isPresent() && !usesModel && kind.isPresent() && stages.isPresent()) {
                problems.add(node.path("threshold"), "is the model's probability threshold; this judge reads no model");
                t = Optional.empty();
            }
            thresholdFine = t.isPresent();
            threshold = t.orElse(threshold);
        }
        if (kind.isEmpty() || stages.isEmpty() || !stagesFine || !modelFine || !thresholdFine) {
            return Optional.empty();
        }
        return Optional.of(new JudgeSettings(kind.get(), model.orElse(null), threshold, stages.get()));
    }

    /** A combined judge's stages: known judges, each once, never combined itself. */
    private static Optional<List<JudgeKind>> readStages(SpecNode node, Problems problems) {
        Optional<List<JsonNode>> listed = node.get("stages", false)
                .flatMap(value -> SpecNode.list(value, node.path("stages"), problems));
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<JudgeKind> stages = new ArrayList<>();
        boolean fine = true;
        for (int i = 0; i < listed.get().size(); i++) {
            JsonNode value = listed.get().get(i);
            String at = SpecNode.element(node.path("stages"), i);
            Optional<JudgeKind> k = value.isTextual() ? JudgeKind.fromYaml(value.asText()) : Optional.empty();
            if (k.isEmpty() || k.get() == JudgeKind.COMBINED) {
                problems.add(at, SpecNode.describe(value) + " is not a stage (known: " + String.join(", ", JudgeKind.stageNames()) + ")");
                fine = false;
            } else if (stages.contains(k.get())) {
                problems.add(at, k.get().yamlName() + " is already a stage");
                fine = false;
            } else {
                stages.add(k.get());
            }
        }
        if (fine && stages.isEmpty()) {
            problems.add(node.path("stages"), "needs at least one stage (" + String.join(", ", JudgeKind.stageNames()) + ")");
            fine = false;
        }
        return fine ? Optional.of(List.copyOf(stages)) : Optional.empty();
    }

    /**
     * Whether a window holds the samples a judgement needs at the interval of {@code analysis} (read at
     * {@code analysisPath}), and no more than a metrics source serves; reported at {@code windowPath} if not.
     * True when the interval or minSamples is broken: that is reported once, at its own place.
     */
    static boolean checkWindow(Duration window, Result analysis, String analysisPath, String windowPath, Problems problems) {
        if (analysis.interval().isEmpty() || analysis.minSamples().isEmpty()) {
            return true;
        }
        Duration interval = analysis.interval().get();
        long samples = window.dividedBy(interval);
        if (samples < analysis.minSamples().get()) {
            problems.add(windowPath, Durations.format(window) + " holds " + samples + " sample"
                    + (samples == 1 ? "" : "s") + " at " + analysisPath + ".interval " + Durations.format(interval)
                    + ", fewer than " + analysisPath + ".minSamples " + analysis.minSamples().get());
            return false;
        }
        if (samples > MetricQuery.MAX_POINTS) {
            problems.add(windowPath, Durations.format(window) + " holds " + samples + " samples at " + analysisPath
                    + ".interval " + Durations.format(interval) + "; a metrics source serves at most " + MetricQuery.MAX_POINTS);
            return false;
        }
        return true;
    }

    private static void readCriteria(List<JsonNode> elements, String path, Problems problems,
                                     List<MetricCriterion> metrics) {
        Map<String, String> judgedAt = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            String at = SpecNode.element(path, i);
            Optional<SpecNode> criterion = SpecNode.map(elements.get(i), at, problems, true, CRITERION_KEYS);
            criterion.flatMap(c -> readCriterion(c, judgedAt)).ifPresent(metrics::add);
        }
    }

    private static Optional<MetricCriterion> readCriterion(SpecNode c, Map<String, String> judgedAt) {
        Problems problems = c.problems();
        Optional<String> metric = c.text("metric", true);
        if (metric.isPresent() && !StandardMetrics.ALL.contains(metric.get())) {
            problems.add(c.path("metric"), "\"" + metric.get() + "\" is unknown (known: "
                    + String.join(", ", StandardMetrics.ALL) + ")");
            metric = Optional.empty();
        } else if (metric.isPresent() && judgedAt.containsKey(metric.get())) {
            problems.add(c.path("metric"), "\"" + metric.get() + "\" is already judged by " + judgedAt.get(metric.get()));
            metric = Optional.empty();
        }
        metric.ifPresent(m -> judgedAt.put(m, c.path()));

        Optional<Double> max = c.number("max", false);
        Optional<Double> min = c.number("min", false);
        Optional<Double> maxRatio = c.number("maxRatio", false);
        boolean fine = metric.isPresent()
                && max.isPresent() == c.has("max") && min.isPresent() == c.has("min")
                && maxRatio.isPresent() == c.has("maxRatio");
        if (!c.has("max") && !c.has("min") && !c.has("maxRatio")) {
            problems.add(c.path(), "needs at least one of max, min, maxRatio");
            fine = false;
        }
        if (maxRatio.isPresent() && maxRatio.get() <= 0) {
            problems.add(c.path("maxRatio"), "must be greater than 0, got " + number(maxRatio.get()));
            fine = false;
        }
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            problems.add(c.path(), "min " + number(min.get()) + " is greater than max " + number(max.get()));
            fine = false;
        }
        return fine
                ? Optional.of(new MetricCriterion(metric.get(), max.orElse(null), min.orElse(null), maxRatio.orElse(null)))
                : Optional.empty();
    }

    /** {@code 2} rather than {@code 2.0}: numbers in messages as a person wrote them. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
