package io.devopssim.mlgate.training;

import io.devopssim.core.history.HistoryRead;

import java.util.Objects;

/**
 * History read from somewhere, with the name progress lines give it (a file, a workspace path).
 */
public record NamedHistory(String name, HistoryRead read) {
    public NamedHistory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(read, "read");
    }
}
