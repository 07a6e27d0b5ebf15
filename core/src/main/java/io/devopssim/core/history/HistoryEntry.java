package io.devopssim.core.history;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.state.RolloutPhase;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished rollout as a labelled example: how it ended, who or what decided, the judgement and the
 * window it was decided on. One line of the history file.
 *
 * @param format     {@link #FORMAT} of the writer; a reader refuses a newer one instead of misreading it
 * @param rolloutId  the rollout
 * @param app        application
 * @param image      the release rolled out ({@code repository:tag})
 * @param outcome    the terminal phase: PROMOTED, ROLLED_BACK, ABORTED or FAILED
 * @param decidedBy  who or what decided
 * @param reason     why it ended so (the rollout's outcome text), or null for a promotion
 * @param judgement  the last analysis' judgement (verdict, score, reasons), or null without an analysis
 * @param finishedAt when the rollout reached its end (the rollout's clock)
 * @param window     the last analysis window's series, or null without an analysis
 */
public record HistoryEntry(int format, String rolloutId, String app, String image, RolloutPhase outcome,
                           Decider decidedBy, String reason, Judgement judgement, Instant finishedAt,
                           AnalysisWindow window) {
    /**
     * The history line format this code writes and reads. 2 added {@link AnalysisWindow#chaos()} and
     * {@link Relabel} lines: a reader of format 1 would drop both without a word, so it refuses them.
     */
    public static final int FORMAT = 2;

    public HistoryEntry {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (!outcome.isTerminal()) {
            throw new IllegalArgumentException("a history entry is of a finished rollout, not one " + outcome);
        }
        if (format < 1) {
            throw new IllegalArgumentException("format must be at least 1: " + format);
        }
    }
}
