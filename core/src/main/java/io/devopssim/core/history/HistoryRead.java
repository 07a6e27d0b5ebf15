package io.devopssim.core.history;

import java.util.List;

/**
 * What a history held.
 *
 * @param entries the entries, oldest first
 * @param skipped one sentence per line that was not an entry (an incomplete last line, a corrupt line), with
 *                where it was
 */
public record HistoryRead(List<HistoryEntry> entries, List<String> skipped) {
    public HistoryRead {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }
}
