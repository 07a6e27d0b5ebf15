package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.gitops.ValueLocator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code traffic:}: {@code router} names the router, and only that router's fields may follow, so a
 * field left over from another router is reported rather than silently ignored.
 */
final class TrafficReader {
    static final String ROUTER = "router";
    /** Each router's fields, in the order they are usually written. */
    static final Map<String, List<String>> FIELDS = fields();
    static final List<String> KEYS = keys();
    private static final List<String> GITOPS_LOCATORS = List.of("helm", "yaml");

    private TrafficReader() {
    }

    /** The router the section names, when it names a known one, even if its fields are wrong; else empty. */
    static Optional<String> routerName(JsonNode section) {
        if (SpecNode.isAbsent(section)) {
            return Optional.of("simulator");
        }
        JsonNode router = section.isObject() ? section.get(ROUTER) : null;
        if (SpecNode.isAbsent(router)) {
            return section.isObject() ? Optional.of("simulator") : Optional.empty();
        }
        return Optional.of(router.asText()).filter(FIELDS::containsKey);
    }

    /** True for the routers that act through the Kubernetes API. */
    static boolean needsCluster(String router) {
        return List.of("replicas", "serviceSelector", "httpRoute", "argoRollouts").contains(router);
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("simulator", List.of());
        f.put("replicas", List.of("stableDeployment", "canaryDeployment", "replicas"));
        f.put("serviceSelector", List.of("service", "colourLabel", "stableColour", "newColour"));
        f.put("httpRoute", List.of("route", "rule", "stableService", "canaryService"));
        f.put("argoRollouts", List.of("rollout"));
        f.put("gitops", List.of("repo", "branch", "file", "helm", "yaml", "stableWeight", "credentials", "waitForSync"));
        return f;
    }

    private static List<String> keys() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(ROUTER);
        FIELDS.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The router; {@code simulator} when the section is absent. */
    static Optional<TrafficSpec> read(JsonNode section, Optional<GitOpsSpec> gitops, Problems problems) {
        if (SpecNode.isAbsent(section)) {
            return Optional.of(new TrafficSpec.Simulator());
        }
        Optional<SpecNode> traffic = SpecNode.map(section, "traffic", problems, false, KEYS);
        if (traffic.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = traffic.get();
        Optional<String> router = node.has(ROUTER) ? node.text(ROUTER, false) : Optional.of("simulator");
        if (router.isPresent() && !FIELDS.containsKey(router.get())) {
            problems.add(node.path(ROUTER), "\"" + router.get() + "\" is unknown ("
                    + Suggestions.closest(router.get(), TrafficSpec.ROUTERS).map(s -> "did you mean " + s + "? ").orElse("")
                    + "known: " + String.join(", ", TrafficSpec.ROUTERS) + ")");
            return Optional.empty();
        }
        if (router.isEmpty()) {
            return Optional.empty();
        }
        boolean onlyOwnFields = onlyFieldsOf(router.get(), section, node);
        Optional<TrafficSpec> spec = switch (router.get()) {
            case "simulator" -> Optional.of(new TrafficSpec.Simulator());
            case "replicas" -> replicas(node);
            case "serviceSelector" -> serviceSelector(node);
            case "httpRoute" -> httpRoute(node);
            case "argoRollouts" -> KubernetesNames.objectName(node, "rollout", true).map(TrafficSpec.ArgoRollouts::new);
            default -> gitops(node, gitops);
        };
        return onlyOwnFields ? spec : Optional.empty();
    }

    /** Reports every known key that belongs to another router; unknown keys were reported by SpecNode. */
    private static boolean onlyFieldsOf(String router, JsonNode section, SpecNode node) {
        List<String> own = FIELDS.get(router);
        boolean ok = true;
        for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(ROUTER) && KEYS.contains(name) && !own.contains(name)) {
                node.problems().add(node.path(name), "is not a field of router " + router + " ("
                        + (own.isEmpty() ? "it has none" : "its fields: " + String.join(", ", own)) + ")");
                ok = false;
            }
        }
        return ok;
    }

    private static Optional<TrafficSpec> replicas(SpecNode node) {
        Optional<String> stable = KubernetesNames.objectName(node, "stableDeployment", true);
        Optional<String> canary = KubernetesNames.objectName(node, "canaryDeployment", true);
        Optional<Integer> replicas = node.integer("replicas", true, 1, SimulationSpec.MAX_PODS);
        if (stable.isPresent() && stable.equals(canary)) {
            node.problems().add(node.path("canaryDeployment"), "must differ from stableDeployment");
            return Optional.empty();
        }
        if (stable.isEmpty() || canary.isEmpty() || replicas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrafficSpec.Replicas(stable.get(), canary.get(), replicas.get()));
    }

    private static Optional<TrafficSpec> serviceSelector(SpecNode node) {
        Optional<String> service = KubernetesNames.objectName(node, "service", true);
        Optional<String> label = node.has("colourLabel") ? KubernetesNames.labelKey(node, "colourLabel", false)
                : Optional.of("colour");
        Optional<String> stable = KubernetesNames.labelValue(node, "stableColour", true);
        Optional<String> fresh = KubernetesNames.labelValue(node, "newColour", true);
        if (stable.isPresent() && stable.equals(fresh)) {
            node.problems().add(node.path("newColour"), "must differ from stableColour");
            return Optional.empty();
        }
        if (service.isEmpty() || label.isEmpty() || stable.isEmpty() || fresh.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrafficSpec.ServiceSelector(service.get(), label.get(), stable.get(), fresh.get()));
    }

    private static Optional<TrafficSpec> httpRoute(SpecNode node) {
        Optional<String> route = KubernetesNames.objectName(node, "route", true);
        Optional<String> rule = KubernetesNames.objectName(node, "rule", true);
        Optional<String> stable = KubernetesNames.objectName(node, "stableService", true);
        Optional<String> canary = KubernetesNames.objectName(node, "canaryService", true);
        if (stable.isPresent() && stable.equals(canary)) {
            node.problems().add(node.path("canaryService"), "must differ from stableService");
            return Optional.empty();
        }
        if (route.isEmpty() || rule.isEmpty() || stable.isEmpty() || canary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrafficSpec.HttpRoute(route.get(), rule.get(), stable.get(), canary.get()));
    }

    /**
     * The weight's manifest; the repository, branch and credentials are {@code gitops:}'s unless given here.
     * A Kustomize image is no place for a weight, so only {@code helm} and {@code yaml} locate it.
     */
    private static Optional<TrafficSpec> gitops(SpecNode node, Optional<GitOpsSpec> promotion) {
        Problems problems = node.problems();
        Optional<String> repo = node.has("repo")
                ? node.text("repo", false).filter(r -> GitOpsReader.checkRepo(r, node.path("repo"), problems))
                : promotion.map(GitOpsSpec::repoUrl);
        Optional<String> branch = node.has("branch") ? node.text("branch", false) : promotion.map(GitOpsSpec::branch);
        if (node.has("branch") && branch.isPresent() && GitOpsReader.BAD_BRANCH.matcher(branch.get()).matches()) {
            problems.add(node.path("branch"), "\"" + branch.get() + "\" is not a valid branch name");
            branch = Optional.empty();
        }
        Optional<String> file = node.text("file", true).filter(f -> GitOpsReader.checkFile(f, node.path("file"), problems));
        Optional<ValueLocator> weight = weightLocator(node);
        Optional<CredentialsSpec> credentials = node.has("credentials")
                ? GitOpsReader.credentials(node.get("credentials", false).orElseThrow(), node.path("credentials"), problems)
                : promotion.map(GitOpsSpec::credentials);
        Optional<Boolean> wait = RuntimeReader.bool(node, "waitForSync", false);
        Optional<ValueLocator> stable = weight.isPresent() && node.has("stableWeight")
                ? stableWeightLocator(node, weight.get()) : Optional.empty();
        if (repo.isEmpty() || branch.isEmpty() || file.isEmpty() || weight.isEmpty() || credentials.isEmpty()
                || wait.isEmpty() || (node.has("stableWeight") && stable.isEmpty())) {
            return Optional.empty(); // a missing default was reported under gitops:
        }
        return Optional.of(new TrafficSpec.GitOps(repo.get(), branch.get(), file.get(), weight.get(), credentials.get(),
                wait.get(), stable.orElse(null)));
    }

    /**
     * The stable backend's weight, written as the canary's is ({@code helm} key or {@code yaml} path): both change
     * in one commit, so no revision of the file has the two weights out of step.
     */
    private static Optional<ValueLocator> stableWeightLocator(SpecNode node, ValueLocator canary) {
        Optional<ValueLocator> stable = node.text("stableWeight", true).map(path -> canary instanceof ValueLocator.HelmValue
                ? new ValueLocator.HelmValue(path) : new ValueLocator.YamlPath(path));
        if (stable.isPresent() && stable.get().equals(canary)) {
            node.problems().add(node.path("stableWeight"), "must differ from the canary's weight ("
                    + canary.describe() + ")");
            return Optional.empty();
        }
        return stable;
    }

    private static Optional<ValueLocator> weightLocator(SpecNode node) {
        List<String> given = new ArrayList<>();
        for (String key : GITOPS_LOCATORS) {
            if (node.has(key)) {
                given.add(key);
            }
        }
        if (given.size() != 1) {
            node.problems().add(node.path(), (given.isEmpty() ? "needs" : "has " + String.join(" and ", given) + "; give")
                    + " exactly one of helm, yaml (where the weight is in the file, e.g. helm: canary.weight)");
            return Optional.empty();
        }
        String key = given.get(0);
        return node.text(key, true).map(path -> key.equals("helm")
                ? new ValueLocator.HelmValue(path) : new ValueLocator.YamlPath(path));
    }
}
