package io.devopssim.core.gitops;

import io.devopssim.core.model.Verdict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Trailers every commit of a rollout carries, so history is the audit trail and a resumed rollout
 * finds what it already committed.
 *
 * @param rolloutId identifies the rollout
 * @param step      the step that made the commit, e.g. {@code promote}, {@code rollback}, {@code weight-20}
 * @param verdict   the verdict that led to it, or null
 * @param score     the gate score, or null
 */
public record CommitTrailers(String rolloutId, String step, Verdict verdict, Double score) {
    public static final String ROLLOUT_ID = "Rollout-Id";
    public static final String STEP = "Step";
    public static final String VERDICT = "Verdict";
    public static final String GATE_SCORE = "Gate-Score";

    public CommitTrailers {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(step, "step");
        if (rolloutId.isBlank() || rolloutId.contains("\n") || step.isBlank() || step.contains("\n")) {
            throw new IllegalArgumentException("rollout id and step must be one non-blank line each");
        }
    }

    /** The trailers in order, as {@code Key: value} lines go at the end of a commit message. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ROLLOUT_ID, rolloutId);
        m.put(STEP, step);
        if (verdict != null) {
            m.put(VERDICT, verdict.name());
        }
        if (score != null) {
            m.put(GATE_SCORE, String.format(java.util.Locale.ROOT, "%.1f", score));
        }
        return m;
    }
}
