package io.devopssim.core.spec;

import java.util.Objects;

/**
 * One thing wrong with a rollout spec.
 *
 * @param path    where, as {@code steps[2].setWeight} or {@code gitops.repo}; empty for the whole document
 * @param message what is wrong, as one sentence without a final period
 */
public record SpecProblem(String path, String message) {
    public SpecProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or just the message for the whole document. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
