package io.devopssim.core.traffic;

import java.util.Objects;

/**
 * One named change of a rollout's traffic, as the engine asks a {@link TrafficRouter} for it.
 *
 * @param name     names the change the same way across restarts ({@code step-3}, {@code cut-over}, {@code batch-2},
 *                 {@code rollback}), so a router that records every change (GitOps: one commit each) makes each at
 *                 most once
 * @param percent  the canary's (the release's) share of requests after the change, 0..100
 * @param strategy the rollout's strategy as the spec names it ({@code canary}, {@code blueGreen}, {@code hybrid},
 *                 {@code rolling}), for the record, or null
 * @param batch    which batch of a rolling update the change moves, e.g. {@code 2/5}, or null
 */
public record TrafficChange(String name, int percent, String strategy, String batch) {
    public TrafficChange {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("\n")) {
            throw new IllegalArgumentException("a change name is one non-blank line");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("canary weight must be 0..100, was " + percent);
        }
    }

    /** A change that is no batch of a rolling update. */
    public TrafficChange(String name, int percent, String strategy) {
        this(name, percent, strategy, null);
    }
}
