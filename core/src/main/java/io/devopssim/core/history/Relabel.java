package io.devopssim.core.history;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's correction of how a finished rollout is labelled for training (e.g. a rollback the model
 * decided that turned out to be a healthy release). Appended to the history like an entry, never replacing
 * one: the entry keeps what happened, the relabel what was decided about it later, by whom and why. The
 * latest relabel of a rollout wins when the history is read for training.
 *
 * @param format    {@link HistoryEntry#FORMAT} of the writer
 * @param type      always {@link #TYPE}: tells a relabel line from an entry line
 * @param rolloutId the relabelled rollout (an entry of the same history)
 * @param label     what the release was
 * @param by        who decided
 * @param reason    why
 * @param at        when it was recorded
 */
public record Relabel(int format, String type, String rolloutId, Label label, String by, String reason, Instant at) {
    public static final String TYPE = "relabel";

    /** What a release was, as a training label. */
    public enum Label {
        GOOD, BAD;

        /** {@code good} or {@code bad}, any case. */
        public static Label parse(String text) {
            String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            for (Label l : values()) {
                if (l.name().equals(t)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("the outcome must be good or bad, not '" + text + "'");
        }
    }

    public Relabel {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not a relabel: type " + type);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(at, "at");
        if (rolloutId == null || rolloutId.isBlank()) {
            throw new IllegalArgumentException("a relabel names its rollout");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("a relabel says who decided it (--by)");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a relabel says why (--reason)");
        }
    }

    public static Relabel of(String rolloutId, Label label, String by, String reason, Instant at) {
        return new Relabel(HistoryEntry.FORMAT, TYPE, rolloutId, label, by, reason, at);
    }
}
