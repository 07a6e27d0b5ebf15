package io.devopssim.core.chaos;

import java.util.Map;
import java.util.Objects;

/**
 * What an experiment hits.
 *
 * @param kind    the canary only, a share of the fleet, or the pods carrying some labels
 * @param percent share of the selected pods hit, 1..100 (100 for CANARY and LABELS unless narrowed)
 * @param labels  pod labels to select (LABELS only; empty otherwise)
 */
public record ChaosTarget(Kind kind, int percent, Map<String, String> labels) {
    public enum Kind {
        CANARY, PERCENT, LABELS
    }

    public static final ChaosTarget CANARY = new ChaosTarget(Kind.CANARY, 100, Map.of());

    public ChaosTarget {
        Objects.requireNonNull(kind, "kind");
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be in 1..100, was " + percent);
        }
        labels = Map.copyOf(labels);
        if (kind == Kind.LABELS && labels.isEmpty()) {
            throw new IllegalArgumentException("a LABELS target needs at least one label");
        }
    }

    /** Share of the target hit, 0..1. */
    public double share() {
        return percent / 100.0;
    }
}
