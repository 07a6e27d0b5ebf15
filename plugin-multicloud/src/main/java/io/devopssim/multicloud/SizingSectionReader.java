package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.SpecNode;

import java.util.List;
import java.util.Optional;

/** A plan's {@code replicas:} section: how its waves size their clusters. */
final class SizingSectionReader {
    static final List<String> REPLICA_KEYS = List.of("helm", "yaml", "requestsPerReplica", "headroom", "min", "max");
    static final int MAX_REPLICAS = 10_000;

    private SizingSectionReader() {
    }

    static Optional<ReplicaSizing> replicas(JsonNode section, Problems problems) {
        Optional<SpecNode> node = SpecNode.map(section, "replicas", problems, true, REPLICA_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        SpecNode r = node.get();
        Optional<String[]> locator = PlanNodes.oneLocator(r, problems);
        Optional<Double> perReplica = r.number("requestsPerReplica", true).filter(v -> {
            if (v <= 0) {
                problems.add(r.path("requestsPerReplica"), "must be positive, got " + v);
                return false;
            }
            return true;
        });
        Optional<Double> headroom = r.has("headroom") ? r.number("headroom", false).filter(v -> {
            if (v < 0 || v > 10) {
                problems.add(r.path("headroom"), v + " is not in 0..10 (0.25 is 25% over the forecast)");
                return false;
            }
            return true;
        }) : Optional.of(ReplicaSizing.DEFAULT_HEADROOM);
        Optional<Integer> min = r.has("min") ? r.integer("min", false, 1, MAX_REPLICAS) : Optional.of(ReplicaSizing.DEFAULT_MIN);
        Optional<Integer> max = r.has("max") ? r.integer("max", false, 1, MAX_REPLICAS) : Optional.of(ReplicaSizing.DEFAULT_MAX);
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            problems.add(r.path("max"), "must be at least min (" + min.get() + "), got " + max.get());
            return Optional.empty();
        }
        if (locator.isEmpty() || perReplica.isEmpty() || headroom.isEmpty() || min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        ValueLocator where = locator.get()[0].equals("helm") ? new ValueLocator.HelmValue(locator.get()[1])
                : new ValueLocator.YamlPath(locator.get()[1]);
        return Optional.of(new ReplicaSizing(where, perReplica.get(), headroom.get(), min.get(), max.get()));
    }
}
