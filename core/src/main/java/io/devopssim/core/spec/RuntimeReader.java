package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a rollout runs against: {@code traffic:}, {@code cluster:} and {@code argocd:}, and checks them
 * against each other and against the steps (a Kubernetes router needs a cluster and its namespace, a GitOps
 * router waiting for sync needs an Application, a blue-green switch cannot split traffic).
 */
final class RuntimeReader {

    private RuntimeReader() {
    }

    static Optional<RuntimeSpec> read(JsonNode document, Optional<GitOpsSpec> gitops, List<StepSpec> steps,
                                      Problems problems) {
        Optional<TrafficSpec> traffic = TrafficReader.read(document.get("traffic"), gitops, problems);
        JsonNode argocdSection = document.get("argocd");
        boolean argocdGiven = !SpecNode.isAbsent(argocdSection);
        Optional<ArgoCdSpec> argocd = argocdGiven ? ArgoCdReader.read(argocdSection, problems) : Optional.empty();
        boolean argocdValid = !argocdGiven || argocd.isPresent();

        // known from the router's name even when its fields are wrong, so that every problem shows at once
        String routerNeedingCluster = TrafficReader.routerName(document.get("traffic")).filter(TrafficReader::needsCluster)
                .map(r -> "traffic.router " + r).orElse(null);
        boolean argocdViaKubernetes = argocd.map(a -> a.via() == ArgoCdSpec.Via.KUBERNETES).orElse(false);
        String neededBy = routerNeedingCluster != null ? routerNeedingCluster
                : argocdViaKubernetes ? "argocd via kubernetes" : null;
        if (neededBy == null && (traffic.isEmpty() || !argocdValid) && !SpecNode.isAbsent(document.get("cluster"))) {
            neededBy = "the spec"; // unknown until traffic and argocd are fixed: check the section on its own
        }
        Optional<Optional<ClusterSpec>> cluster = ClusterReader.read(document.get("cluster"), neededBy,
                routerNeedingCluster, problems);

        boolean crossChecked = traffic.map(t -> checkSteps(t, steps, problems) & checkWait(t, argocdGiven, problems))
                .orElse(false);
        if (traffic.isEmpty() || !argocdValid || cluster.isEmpty() || !crossChecked) {
            return Optional.empty();
        }
        return Optional.of(new RuntimeSpec(traffic.get(), cluster.get().orElse(null), argocd.orElse(null)));
    }

    /** A Service selector switches all traffic at once: a canary step with a weight in between cannot run on it. */
    private static boolean checkSteps(TrafficSpec traffic, List<StepSpec> steps, Problems problems) {
        if (!(traffic instanceof TrafficSpec.ServiceSelector)) {
            return true;
        }
        List<String> split = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof StepSpec.SetWeight w && w.weight() != 0 && w.weight() != 100) {
                split.add("steps[" + i + "].setWeight " + w.weight());
            }
        }
        if (!split.isEmpty()) {
            problems.add("traffic.router", "serviceSelector switches all traffic at once (weights 0 or 100), but "
                    + String.join(", ", split) + " splits it; use replicas, httpRoute, argoRollouts or gitops");
            return false;
        }
        return true;
    }

    private static boolean checkWait(TrafficSpec traffic, boolean argocdGiven, Problems problems) {
        if (traffic instanceof TrafficSpec.GitOps g && g.waitForSync() && !argocdGiven) {
            problems.add("traffic.waitForSync", "needs an argocd: section (the Application that applies the weight)");
            return false;
        }
        return true;
    }

    /** A boolean; YAML's {@code yes}/{@code on} and quoted text are refused, as everywhere in a spec. */
    static Optional<Boolean> bool(SpecNode node, String key, boolean defaultValue) {
        if (!node.has(key)) {
            return Optional.of(defaultValue);
        }
        JsonNode value = node.get(key, false).orElseThrow();
        if (!value.isBoolean()) {
            node.problems().add(node.path(key), "expected true or false, got " + SpecNode.describe(value));
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }
}
