package io.devopssim.deploy;

import io.devopssim.core.spec.RollingSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The batches of a rolling update as a router moves them: the updated replicas' share of the fleet as a
 * weight. For up to 100 replicas the weight gives exactly the batch's replicas (a replica-ratio router and
 * the simulator run {@code ceil(replicas × weight / 100)}); above that a weight is a whole percentage, so
 * batches that would round to the same one are merged.
 */
final class RollingBatches {
    /**
     * @param updated replicas running the release after the batch
     * @param weight  their share of requests, 1..100
     */
    record Batch(int updated, int weight) {
    }

    private RollingBatches() {
    }

    static List<Batch> of(RollingSpec rolling, int replicas) {
        List<Batch> batches = new ArrayList<>();
        for (int updated : rolling.batches(replicas)) {
            int weight = updated == replicas ? 100 : Math.max(1, (int) Math.floor(100.0 * updated / replicas));
            if (!batches.isEmpty() && batches.get(batches.size() - 1).weight() == weight) {
                batches.remove(batches.size() - 1);
            }
            batches.add(new Batch(updated, weight));
        }
        return List.copyOf(batches);
    }
}
