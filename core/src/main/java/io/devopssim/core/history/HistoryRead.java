package io.devopssim.core.history;

import java.util.List;

/**
 * What a history held.
 *
 * @param entries  the entries, oldest first
 * @param skipped  one sentence per line that was not an entry (an incomplete last line, a corrupt line), with
 *                 where it was
 * @param relabels the relabels, oldest first
 */
public record HistoryRead(List<HistoryEntry> entries, List<String> skipped, List<Relabel> relabels) {
    public HistoryRead {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
        relabels = List.copyOf(relabels);
    }

    /** A history without relabels. */
    public HistoryRead(List<HistoryEntry> entries, List<String> skipped) {
        this(entries, skipped, List.of());
    }
}
