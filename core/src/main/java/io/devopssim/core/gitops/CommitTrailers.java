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
 * @param step      the step that made the commit, e.g. {@code promote}, {@code rollback}, {@code traffic-step-1}
 * @param verdict   the verdict that led to it, or null
 * @param score     the gate score, or null
 * @param weight    the canary weight a traffic commit sets (GitOps traffic routing), or null
 */
public record CommitTrailers(String rolloutId, String step, Verdict verdict, Double score, Integer weight) {
    public static final String ROLLOUT_ID = "Rollout-Id";
    public static final String STEP = "Step";
    public static final String VERDICT = "Verdict";
    public static final String GATE_SCORE = "Gate-Score";
    public static final String CANARY_WEIGHT = "Canary-Weight";

    public CommitTrailers {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(step, "step");
        if (rolloutId.isBlank() || rolloutId.contains("\n") || step.isBlank() || step.contains("\n")) {
            throw new IllegalArgumentException("rollout id and step must be one non-blank line each");
        }
        if (weight != null && (weight < 0 || weight > 100)) {
            throw new IllegalArgumentException("canary weight must be 0..100, was " + weight);
        }
    }

    /** Trailers of a decision (promotion, rollback, revert): no weight. */
    public CommitTrailers(String rolloutId, String step, Verdict verdict, Double score) {
        this(rolloutId, step, verdict, score, null);
    }

    /** Trailers of a traffic commit: the weight it sets, no verdict. */
    public static CommitTrailers traffic(String rolloutId, String step, int weight) {
        return new CommitTrailers(rolloutId, step, null, null, weight);
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
        if (weight != null) {
            m.put(CANARY_WEIGHT, Integer.toString(weight));
        }
        return m;
    }
}
