package io.devopssim.mlgate.gate;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Judges in order, typically hard SLO limits, then the statistical judge, then the model. The first
 * FAILED or ERROR ends the analysis with that verdict (later stages are not asked). A stage that is
 * INCONCLUSIVE does not end it, because a later stage may still prove a failure, but the verdict can then
 * be INCONCLUSIVE at best. PASSED needs every stage to pass. The score is the lowest stage score; the
 * reasons are each asked stage's, prefixed with its name.
 */
public final class CombinedGate implements Judge {
    private final List<Stage> stages;

    public CombinedGate(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a combined gate needs at least one stage");
        }
        this.stages = List.copyOf(stages);
    }

    /** Every stage's metrics. */
    @Override
    public Set<String> requiredMetrics() {
        Set<String> metrics = new LinkedHashSet<>();
        stages.forEach(s -> metrics.addAll(s.judge().requiredMetrics()));
        return metrics;
    }

    /**
     * The first reason says how the stages went, e.g. {@code stages: threshold PASSED, mannWhitney
     * INCONCLUSIVE, xgboost FAILED (stopped there)}; each stage's own reasons follow, prefixed with its name.
     */
    @Override
    public Judgement judge(AnalysisInput input) {
        List<String> reasons = new ArrayList<>();
        List<String> outline = new ArrayList<>();
        List<MetricResult> metrics = new ArrayList<>();
        double score = 100;
        boolean inconclusive = false;
        for (Stage stage : stages) {
            Judgement j = stage.judge().judge(input);
            j.reasons().forEach(r -> reasons.add(stage.name() + ": " + r));
            metrics.addAll(j.metrics());
            score = Math.min(score, j.score());
            if (j.verdict() == Verdict.FAILED || j.verdict() == Verdict.ERROR) {
                outline.add(stage.name() + " " + j.verdict() + " (stopped there)");
                reasons.add(0, "stages: " + String.join(", ", outline));
                reasons.add(1, "stopped at " + stage.name() + ": " + j.verdict());
                return new Judgement(j.verdict(), score, metrics, reasons);
            }
            outline.add(stage.name() + " " + j.verdict());
            inconclusive |= j.verdict() == Verdict.INCONCLUSIVE;
        }
        reasons.add(0, "stages: " + String.join(", ", outline)
                + (inconclusive ? " (an inconclusive stage keeps the verdict from PASSED)" : ""));
        return new Judgement(inconclusive ? Verdict.INCONCLUSIVE : Verdict.PASSED, score, metrics, reasons);
    }

    /** A named judge inside a combined gate. */
    public record Stage(String name, Judge judge) {
        public Stage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(judge, "judge");
        }
    }
}
