package io.devopssim.core.history;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Appends a {@link Relabel} to a history, only for a rollout the history holds: a relabel of an unknown id
 * (a typo) would otherwise sit in the file for ever and label nothing.
 */
public final class Relabeller {
    private static final int SHOWN = 5;

    private final ReleaseHistory history;

    public Relabeller(ReleaseHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * Checks the rollout is in the history, then appends the relabel.
     *
     * @return the rollout's latest entry (what is relabelled)
     * @throws IllegalArgumentException naming the unknown id and the latest ids the history holds, before
     *                                  anything is written
     */
    public HistoryEntry relabel(Relabel relabel) throws IOException {
        List<HistoryEntry> entries = history.read().entries();
        HistoryEntry found = null;
        for (HistoryEntry e : entries) {
            if (e.rolloutId().equals(relabel.rolloutId())) {
                found = e;
            }
        }
        if (found == null) {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            for (int i = entries.size() - 1; i >= 0 && ids.size() < SHOWN; i--) {
                ids.add(entries.get(i).rolloutId());
            }
            throw new IllegalArgumentException("no rollout '" + relabel.rolloutId() + "' in the history"
                    + (entries.isEmpty() ? " (it is empty)" : " (" + entries.stream().map(HistoryEntry::rolloutId).distinct().count()
                    + " rollouts; the latest: " + String.join(", ", ids) + ")"));
        }
        history.relabel(relabel);
        return found;
    }
}
