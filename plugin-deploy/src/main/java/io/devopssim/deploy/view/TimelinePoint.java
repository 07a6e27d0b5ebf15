package io.devopssim.deploy.view;

import java.time.Instant;

/**
 * One event of a rollout's timeline, for the table and the weight chart.
 *
 * @param time          when
 * @param offsetSeconds seconds since the rollout started
 * @param step          1-based step number, or null for whole-rollout events (promotion, rollback)
 * @param kind          the event kind ({@code WEIGHT}, {@code ANALYSIS}, {@code PROMOTED}, ...)
 * @param message       one readable line
 * @param weight        canary weight after the event, 0..100
 * @param verdict       the analysis verdict, or null
 * @param score         the analysis score, or null
 * @param commitId      the environment-repository commit, or null
 * @param commitUrl     a web link to it, or null
 */
public record TimelinePoint(Instant time, long offsetSeconds, Integer step, String kind, String message, int weight,
                            String verdict, Double score, String commitId, String commitUrl) {

    /** The commit's first 8 characters, or null. */
    public String commitShortId() {
        return CommitLinks.shortId(commitId);
    }
}
