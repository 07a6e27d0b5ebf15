package io.devopssim.core.history;

import java.io.IOException;
import java.util.List;

/**
 * Port: the append-only record of finished rollouts the gate's model learns from. {@link JsonLinesHistory}
 * is the file implementation.
 */
public interface ReleaseHistory {
    /** Keeps nothing: for dry runs and rollouts whose history nobody trains on. */
    ReleaseHistory NONE = new ReleaseHistory() {
        @Override
        public void append(HistoryEntry entry) {
        }

        @Override
        public void relabel(Relabel relabel) {
        }

        @Override
        public HistoryRead read() {
            return new HistoryRead(List.of(), List.of());
        }
    };

    /** Adds one entry after every earlier one; atomic (a reader sees the whole entry or none of it). */
    void append(HistoryEntry entry) throws IOException;

    /**
     * Adds a relabel after every earlier line, like {@link #append}. Callers check that the rollout is in the
     * history first (see {@code Relabels}); the history itself only appends.
     */
    default void relabel(Relabel relabel) throws IOException {
        throw new IOException("this history keeps no relabels");
    }

    /** Every entry and relabel, oldest first, and what could not be read. */
    HistoryRead read() throws IOException;
}
