package io.devopssim.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What a judge decided and why.
 *
 * @param verdict the four-state outcome
 * @param score   0..100, higher is healthier (Kayenta's convention)
 * @param metrics per-metric results with their numbers
 * @param reasons human-readable sentences, most important first
 */
public record Judgement(Verdict verdict, double score, List<MetricResult> metrics, List<String> reasons) {
    public Judgement {
        Objects.requireNonNull(verdict, "verdict");
        metrics = List.copyOf(metrics);
        reasons = List.copyOf(reasons);
    }
}
