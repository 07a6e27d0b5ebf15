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
 * @param traffic   what a traffic commit (GitOps traffic routing) sets, or null for a decision
 */
public record CommitTrailers(String rolloutId, String step, Verdict verdict, Double score, Traffic traffic) {
    public static final String ROLLOUT_ID = "Rollout-Id";
    public static final String STEP = "Step";
    public static final String VERDICT = "Verdict";
    public static final String GATE_SCORE = "Gate-Score";
    public static final String CANARY_WEIGHT = "Canary-Weight";
    public static final String STABLE_WEIGHT = "Stable-Weight";
    public static final String STRATEGY = "Strategy";
    public static final String BATCH = "Batch";

    public CommitTrailers {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(step, "step");
        if (rolloutId.isBlank() || rolloutId.contains("\n") || step.isBlank() || step.contains("\n")) {
            throw new IllegalArgumentException("rollout id and step must be one non-blank line each");
        }
    }

    /** Trailers of a decision (promotion, rollback, revert): no weight. */
    public CommitTrailers(String rolloutId, String step, Verdict verdict, Double score) {
        this(rolloutId, step, verdict, score, null);
    }

    /** Trailers of a traffic commit: what it sets, no verdict. */
    public static CommitTrailers traffic(String rolloutId, String step, Traffic traffic) {
        return new CommitTrailers(rolloutId, step, null, null, Objects.requireNonNull(traffic, "traffic"));
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
        if (traffic != null) {
            if (traffic.strategy() != null) {
                m.put(STRATEGY, traffic.strategy());
            }
            if (traffic.canaryWeight() != null) {
                m.put(CANARY_WEIGHT, Integer.toString(traffic.canaryWeight()));
            }
            if (traffic.stableWeight() != null) {
                m.put(STABLE_WEIGHT, Integer.toString(traffic.stableWeight()));
            }
            if (traffic.batch() != null) {
                m.put(BATCH, traffic.batch());
            }
        }
        return m;
    }

    /**
     * What a traffic commit sets, as its trailers say it.
     *
     * @param strategy     the rollout's strategy as the spec names it ({@code canary}, {@code blueGreen}, ...), or null
     * @param canaryWeight the canary's (the release's) share of requests after the commit, 0..100, or null when the
     *                     committer cannot know it beforehand (a revert of the first change it made)
     * @param stableWeight the stable backend's weight when the commit sets it too (an HTTPRoute kept in Git), or null
     * @param batch        which batch of a rolling update, e.g. {@code 2/5}, or null
     */
    public record Traffic(String strategy, Integer canaryWeight, Integer stableWeight, String batch) {
        public Traffic {
            if (canaryWeight != null && (canaryWeight < 0 || canaryWeight > 100)) {
                throw new IllegalArgumentException("canary weight must be 0..100, was " + canaryWeight);
            }
            if (stableWeight != null && (stableWeight < 0 || stableWeight > 100)) {
                throw new IllegalArgumentException("stable weight must be 0..100, was " + stableWeight);
            }
            for (String line : new String[] {strategy, batch}) {
                if (line != null && (line.isBlank() || line.contains("\n"))) {
                    throw new IllegalArgumentException("a trailer value must be one non-blank line");
                }
            }
        }
    }
}
