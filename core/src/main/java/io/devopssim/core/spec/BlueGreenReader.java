package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** Reads {@code blueGreen:}, the cut-over of blue-green and hybrid rollouts; every key has a default. */
final class BlueGreenReader {
    static final List<String> KEYS = List.of("prePromotionAnalysis", "postPromotionAnalysis", "autoPromotionEnabled",
            "scaleDownDelaySeconds");
    /** A day: a longer delay is a typo, and it holds the previous version's replicas all that time. */
    static final int MAX_SCALE_DOWN_DELAY_SECONDS = 86_400;
    static final String NO_BASELINE = "after the cut-over no version takes traffic beside the release";

    private BlueGreenReader() {
    }

    /** Empty when the strategy does not cut over (a section given anyway is reported) or the section is wrong. */
    static Optional<BlueGreenSpec> read(JsonNode section, Optional<Strategy> strategy, AnalysisReader.Result analysis,
                                        List<String> refs, Problems problems) {
        if (strategy.isPresent() && !strategy.get().cutsOver()) {
            if (!SpecNode.isAbsent(section)) {
                problems.add("blueGreen", "only used by strategy blueGreen or hybrid (strategy is " + strategy.get().yamlName() + ")");
            }
            return Optional.empty();
        }
        if (SpecNode.isAbsent(section)) {
            return Optional.of(BlueGreenSpec.DEFAULT);
        }
        Optional<SpecNode> read = SpecNode.map(section, "blueGreen", problems, false, KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = read.get();
        boolean fine = true;
        AnalysisCheck pre = null;
        if (node.has("prePromotionAnalysis")) {
            if (strategy.filter(s -> s == Strategy.HYBRID).isPresent()) {
                problems.add(node.path("prePromotionAnalysis"), "not used by a hybrid: its canary steps analyse before the"
                        + " cut-over (add an analysis step)");
                fine = false;
            } else {
                Optional<AnalysisCheck> check = AnalysisCheckReader.read(section.get("prePromotionAnalysis"),
                        node.path("prePromotionAnalysis"), analysis, null, refs, problems);
                fine &= check.isPresent();
                pre = check.orElse(null);
            }
        }
        AnalysisCheck post = null;
        if (node.has("postPromotionAnalysis")) {
            Optional<AnalysisCheck> check = AnalysisCheckReader.read(section.get("postPromotionAnalysis"),
                    node.path("postPromotionAnalysis"), analysis, NO_BASELINE, refs, problems);
            fine &= check.isPresent();
            post = check.orElse(null);
        }
        Optional<Boolean> auto = node.has("autoPromotionEnabled") ? node.bool("autoPromotionEnabled") : Optional.of(true);
        Optional<Integer> delay = node.has("scaleDownDelaySeconds")
                ? node.integer("scaleDownDelaySeconds", false, 0, MAX_SCALE_DOWN_DELAY_SECONDS)
                : Optional.of(BlueGreenSpec.DEFAULT_SCALE_DOWN_DELAY_SECONDS);
        if (!fine || auto.isEmpty() || delay.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BlueGreenSpec(pre, post, auto.get(), delay.get()));
    }
}
