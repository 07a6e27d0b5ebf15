package io.devopssim.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code rolling:} section: replicas replaced batch by batch, each batch health checked, the update
 * rolled back batch by batch on a failure.
 *
 * @param maxSurge       replicas above the desired count during the update (Kubernetes' name and rounding: up)
 * @param maxUnavailable replicas below the desired count during the update (rounded down)
 * @param healthCheck    judged after every batch; absolute bounds only, since the last batch leaves no
 *                       previous version to compare with
 */
public record RollingSpec(IntOrPercent maxSurge, IntOrPercent maxUnavailable, AnalysisCheck healthCheck) {
    public RollingSpec {
        Objects.requireNonNull(maxSurge, "maxSurge");
        Objects.requireNonNull(maxUnavailable, "maxUnavailable");
        Objects.requireNonNull(healthCheck, "healthCheck");
    }

    /**
     * Replicas replaced per batch: a Deployment starts {@code surge} new replicas and stops {@code unavailable}
     * old ones at once, so each round of an update replaces their sum. 0 when neither may move.
     */
    public int batchSize(int replicas) {
        return maxSurge.of(replicas, true) + maxUnavailable.of(replicas, false);
    }

    /** Updated replicas after each batch, e.g. {@code [5, 10]} for 10 replicas at 25%/25%; the last is {@code replicas}. */
    public List<Integer> batches(int replicas) {
        int size = batchSize(replicas);
        if (size <= 0) {
            throw new IllegalStateException("maxSurge and maxUnavailable are both 0 for " + replicas + " replicas");
        }
        List<Integer> updated = new ArrayList<>();
        for (int u = Math.min(size, replicas); ; u = Math.min(u + size, replicas)) {
            updated.add(u);
            if (u == replicas) {
                return updated;
            }
        }
    }
}
