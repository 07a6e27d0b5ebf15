package io.devopssim.multicloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.spec.Problems;
import io.devopssim.core.spec.SpecNode;

import java.util.List;
import java.util.Optional;

/** A plan's {@code failover:} policy and the {@code traffic:} weights that failover by shift needs. */
final class FailoverSectionReader {
    static final List<String> TRAFFIC_KEYS = List.of("file", "helm", "yaml");

    private FailoverSectionReader() {
    }

    static Optional<FailoverPolicy> failover(SpecNode root, boolean trafficOk, Problems problems) {
        if (!root.has("failover")) {
            return Optional.of(FailoverPolicy.ABORT);
        }
        return root.text("failover", false).flatMap(name -> {
            Optional<FailoverPolicy> policy = FailoverPolicy.fromYaml(name);
            if (policy.isEmpty()) {
                problems.add("failover", "\"" + name + "\" is not a failover policy (one of "
                        + String.join(", ", FailoverPolicy.yamlNames()) + ")");
            } else if (policy.get() == FailoverPolicy.SHIFT && !root.has("traffic") && trafficOk) {
                problems.add("failover", "shift needs traffic: (the manifest that holds the clusters' traffic weights)");
                return Optional.empty();
            }
            return policy;
        });
    }

    static Optional<TrafficWeightsSpec> traffic(JsonNode section, Problems problems) {
        Optional<SpecNode> node = SpecNode.map(section, "traffic", problems, true, TRAFFIC_KEYS);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        SpecNode t = node.get();
        Optional<String> file = t.text("file", true).filter(f -> PlanNodes.relativeFile(f, t.path("file"), problems));
        Optional<String[]> locator = PlanNodes.oneLocator(t, problems);
        if (file.isEmpty() || locator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrafficWeightsSpec(file.get(), locator.get()[1], locator.get()[0].equals("helm")));
    }
}
