package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an analysis outside the steps ({@code prePromotionAnalysis}, {@code postPromotionAnalysis},
 * {@code healthCheck}): {@code {window: 2m}} is judged by the {@code analysis:} section, {@code {window: 2m,
 * metrics: [...], interval, minSamples, judge}} by criteria of its own. Where no version takes traffic beside
 * the release (after a cut-over, after the last batch), only absolute bounds judged by thresholds can pass:
 * a ratio to a baseline that has no traffic would be INCONCLUSIVE every time, so it is refused here.
 */
final class AnalysisCheckReader {
    static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("window"));
        keys.addAll(AnalysisReader.KEYS);
        KEYS = List.copyOf(keys);
    }

    private AnalysisCheckReader() {
    }

    /**
     * @param section           the {@code analysis:} section, which a check without criteria of its own refers to
     * @param noBaselineBecause why no baseline takes traffic during this check (only absolute bounds then), or
     *                          null when there is one
     * @param refs              collects the paths of checks that refer to the section
     */
    static Optional<AnalysisCheck> read(JsonNode value, String path, AnalysisReader.Result section,
                                        String noBaselineBecause, List<String> refs, Problems problems) {
        boolean inline = value.isObject() && AnalysisReader.KEYS.stream().anyMatch(k -> !SpecNode.isAbsent(value.get(k)));
        Optional<Duration> window;
        AnalysisReader.Result criteria;
        String criteriaPath;
        if (inline) {
            criteria = AnalysisReader.read(value, path, KEYS, problems);
            criteriaPath = path;
            window = window(value.get("window"), path, problems);
            if (criteria.metricsMissing()) {
                problems.add(SpecNode.child(path, "metrics"), "required in an analysis with criteria of its own (or leave out"
                        + " interval, minSamples and judge to judge by the analysis section)");
            }
        } else {
            Optional<SpecNode> node = SpecNode.map(value, path, problems, true, KEYS);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            refs.add(path);
            criteria = section;
            criteriaPath = "analysis";
            window = node.get().duration("window", true);
        }
        if (window.isPresent()
                && !AnalysisReader.checkWindow(window.get(), criteria, criteriaPath, SpecNode.child(path, "window"), problems)) {
            window = Optional.empty();
        }
        Optional<AnalysisSpec> spec = criteria.spec();
        if (noBaselineBecause != null && spec.isPresent()) {
            requireAbsolute(value, path, inline, spec.get(), noBaselineBecause, problems);
        }
        return window.isPresent() && spec.isPresent()
                ? Optional.of(new AnalysisCheck(window.get(), spec.get(), inline)) : Optional.empty();
    }

    private static Optional<Duration> window(JsonNode window, String path, Problems problems) {
        String at = SpecNode.child(path, "window");
        if (SpecNode.isAbsent(window)) {
            problems.add(at, "required");
            return Optional.empty();
        }
        return SpecNode.duration(window, at, problems);
    }

    private static void requireAbsolute(JsonNode value, String path, boolean inline, AnalysisSpec criteria,
                                        String noBaselineBecause, Problems problems) {
        List<String> ratios = criteria.metrics().stream().filter(c -> c.maxRatio() != null).map(MetricCriterion::metric).toList();
        if (!inline) {
            if (criteria.judge() != JudgeKind.THRESHOLD || !ratios.isEmpty()) {
                problems.add(path, "judged by the analysis section, which compares with a baseline ("
                        + (criteria.judge() != JudgeKind.THRESHOLD ? "judge " + criteria.judge().yamlName() : "maxRatio of "
                        + String.join(", ", ratios)) + "), but " + noBaselineBecause
                        + ": give this analysis metrics of its own with max or min");
            }
            return;
        }
        if (criteria.judge() != JudgeKind.THRESHOLD) {
            problems.add(SpecNode.child(path, "judge"), criteria.judge().yamlName() + " compares with a baseline, but "
                    + noBaselineBecause + ": use threshold");
        }
        JsonNode metrics = value.get("metrics");
        for (int i = 0; metrics != null && metrics.isArray() && i < metrics.size(); i++) {
            if (!SpecNode.isAbsent(metrics.get(i).get("maxRatio"))) {
                problems.add(SpecNode.child(SpecNode.element(SpecNode.child(path, "metrics"), i), "maxRatio"),
                        "compares with a baseline, but " + noBaselineBecause + ": use max or min");
            }
        }
    }
}
