package io.devopssim.core.spec;

import io.devopssim.core.gitops.ValueLocator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code traffic:}, {@code cluster:} and {@code argocd:} sections: what a rollout runs against. */
class RuntimeSpecReaderTest {
    private static final String BASE = RolloutSpecReaderTest.VALID;

    private final RolloutSpecReader reader = new RolloutSpecReader();

    private List<String> problems(String yaml) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read(yaml));
        assertThat(e).as("expected the spec to be invalid:%n%s", yaml).isNotNull();
        return e.problems().stream().map(SpecProblem::toString).toList();
    }

    @Test
    @DisplayName("without the sections a rollout runs on the simulator and needs no cluster or Argo CD")
    void shouldDefaultToTheSimulator() throws Exception {
        RolloutSpec spec = reader.read(BASE);

        assertThat(spec.runtime()).isEqualTo(RuntimeSpec.SIMULATOR);
        assertThat(spec.runtime().simulated()).isTrue();
    }

    @Test
    void shouldReadEachKubernetesRouterWithItsClusterAndArgoCd() throws Exception {
        String clusterAndArgo = """
                cluster: {context: prod-eu, namespace: payments}
                argocd: {application: checkout-prod, timeout: 2m, requestSync: false}
                """;
        RolloutSpec replicas = reader.read(BASE + """
                traffic: {router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}
                """ + clusterAndArgo);
        RolloutSpec route = reader.read(BASE + """
                traffic: {router: httpRoute, route: checkout, rule: main, stableService: checkout, canaryService: checkout-canary}
                """ + clusterAndArgo);
        RolloutSpec rollout = reader.read(BASE + "traffic: {router: argoRollouts, rollout: checkout}\n" + clusterAndArgo);
        RolloutSpec selector = reader.read(BASE.replace("setWeight: 10", "setWeight: 100") + """
                traffic: {router: serviceSelector, service: checkout, stableColour: blue, newColour: green}
                """ + clusterAndArgo);

        assertThat(replicas.runtime().traffic()).isEqualTo(new TrafficSpec.Replicas("checkout", "checkout-canary", 10));
        assertThat(route.runtime().traffic()).isEqualTo(new TrafficSpec.HttpRoute("checkout", "main", "checkout", "checkout-canary"));
        assertThat(rollout.runtime().traffic()).isEqualTo(new TrafficSpec.ArgoRollouts("checkout"));
        assertThat(selector.runtime().traffic()).isEqualTo(new TrafficSpec.ServiceSelector("checkout", "colour", "blue", "green"));
        assertThat(replicas.runtime().cluster()).isEqualTo(new ClusterSpec("prod-eu", null, null, "payments"));
        assertThat(replicas.runtime().argocd()).isEqualTo(new ArgoCdSpec("checkout-prod", ArgoCdSpec.Via.KUBERNETES, "argocd",
                null, null, Duration.ofMinutes(2), false));
        assertThat(replicas.runtime().simulated()).isFalse();
    }

    @Test
    void shouldTakeTheGitOpsRoutersRepositoryFromTheGitOpsSectionUnlessGiven() throws Exception {
        RolloutSpec spec = reader.read(BASE + """
                traffic: {router: gitops, file: apps/checkout/canary.yaml, helm: canary.weight, waitForSync: true}
                argocd: {application: checkout-prod, via: rest, server: "https://argocd.example", tokenEnv: ARGOCD_TOKEN}
                """);
        RolloutSpec elsewhere = reader.read(BASE + """
                traffic:
                  router: gitops
                  repo: http://127.0.0.1:8080/routes.git
                  branch: traffic
                  file: rollouts/checkout.yaml
                  yaml: spec.strategy.canary.steps[0].setWeight
                  credentials: {usernameEnv: ROUTES_USER, passwordEnv: ROUTES_TOKEN}
                """);

        assertThat(spec.runtime().traffic()).isEqualTo(new TrafficSpec.GitOps("http://127.0.0.1:8080/env.git", "main",
                "apps/checkout/canary.yaml", new ValueLocator.HelmValue("canary.weight"), CredentialsSpec.NONE, true));
        assertThat(spec.runtime().argocd().via()).isEqualTo(ArgoCdSpec.Via.REST);
        assertThat(spec.runtime().argocd().tokenEnv()).isEqualTo("ARGOCD_TOKEN");
        assertThat(spec.runtime().cluster()).as("gitops and Argo CD's REST API need no Kubernetes API").isNull();
        assertThat(elsewhere.runtime().traffic()).isEqualTo(new TrafficSpec.GitOps("http://127.0.0.1:8080/routes.git",
                "traffic", "rollouts/checkout.yaml", new ValueLocator.YamlPath("spec.strategy.canary.steps[0].setWeight"),
                new CredentialsSpec("ROUTES_USER", "ROUTES_TOKEN", null), false));
    }

    @Test
    void shouldReportEveryProblemOfTheThreeSectionsAtOnce() {
        List<String> problems = problems(BASE + """
                traffic:
                  router: httpRoute
                  route: Checkout
                  rule: main
                  stableService: checkout
                  canaryService: checkout
                  replicas: 3
                  waitForSync: maybe
                cluster:
                  context: prod
                  server: ftp://k8s.example
                  tokenEnv: "my secret token"
                argocd:
                  via: rest
                  namespace: argocd
                  timeout: 5
                  requestSync: "yes"
                """);

        assertThat(problems).containsExactly(
                "traffic.replicas: is not a field of router httpRoute (its fields: route, rule, stableService, canaryService)",
                "traffic.waitForSync: is not a field of router httpRoute (its fields: route, rule, stableService, canaryService)",
                "traffic.route: \"Checkout\" is not a Kubernetes object name (lowercase letters, digits, '-' and '.', at most 253 characters)",
                "traffic.canaryService: must differ from stableService",
                "cluster: give context (from the kubeconfig) or server (an API server URL), not both",
                "cluster.server: \"ftp://k8s.example\" is not an http or https URL",
                "cluster.tokenEnv: \"my secret token\" is not an environment variable name (give the variable's name, never the secret)",
                "cluster.namespace: required by traffic.router httpRoute",
                "argocd.application: required",
                "argocd.timeout: expected a duration such as 30s, 2m, 1h, 500ms or PT30S, got 5",
                "argocd.requestSync: expected true or false, got \"yes\"",
                "argocd.server: required",
                "argocd.tokenEnv: required",
                "argocd.namespace: only with via: kubernetes");
    }

    @Test
    void shouldAskForTheClusterAndNamespaceAKubernetesRouterNeeds() {
        assertThat(problems(BASE + "traffic: {router: argoRollouts, rollout: checkout}\n"))
                .containsExactly("cluster: required by traffic.router argoRollouts (a kubeconfig context or an API server URL, and the namespace)");
        assertThat(problems(BASE + "traffic: {router: argoRollouts, rollout: checkout}\ncluster: {context: prod}\n"))
                .containsExactly("cluster.namespace: required by traffic.router argoRollouts");
        assertThat(problems(BASE + "argocd: {application: checkout-prod}\n"))
                .containsExactly("cluster: required by argocd via kubernetes (a kubeconfig context or an API server URL, and the namespace)");
        assertThat(problems(BASE + "cluster: {context: prod, namespace: payments}\n"))
                .singleElement().asString().startsWith("cluster: not used: traffic.router is not a Kubernetes router");
    }

    @Test
    void shouldRefuseAnUnknownRouterWithASuggestion() {
        assertThat(problems(BASE + "traffic: {router: httproute}\n"))
                .containsExactly("traffic.router: \"httproute\" is unknown (did you mean httpRoute? known: simulator, replicas,"
                        + " serviceSelector, httpRoute, argoRollouts, gitops)");
    }

    @Test
    void shouldRefuseASplitWeightOnABlueGreenSwitch() {
        assertThat(problems(BASE + """
                traffic: {router: serviceSelector, service: checkout, stableColour: blue, newColour: blue}
                cluster: {context: prod, namespace: payments}
                """)).containsExactly("traffic.newColour: must differ from stableColour");
        assertThat(problems(BASE + """
                traffic: {router: serviceSelector, service: checkout, stableColour: blue, newColour: green}
                cluster: {context: prod, namespace: payments}
                """)).containsExactly("traffic.router: serviceSelector switches all traffic at once (weights 0 or 100), but"
                + " steps[0].setWeight 10 splits it; use replicas, httpRoute, argoRollouts or gitops");
    }

    @Test
    void shouldRefuseAGitOpsRouterWithoutAWeightLocatorOrWaitingWithoutArgoCd() {
        assertThat(problems(BASE + "traffic: {router: gitops, file: ../canary.yaml, kustomizeImage: checkout, waitForSync: true}\n"))
                .containsExactly(
                        "traffic.kustomizeImage: unknown key (known: router, stableDeployment, canaryDeployment, replicas, service,"
                                + " colourLabel, stableColour, newColour, route, rule, stableService, canaryService, rollout, repo,"
                                + " branch, file, helm, yaml, stableWeight, credentials, waitForSync)",
                        "traffic.file: must be a path inside the repository, relative to its root, got \"../canary.yaml\"",
                        "traffic: needs exactly one of helm, yaml (where the weight is in the file, e.g. helm: canary.weight)");
        assertThat(problems(BASE + "traffic: {router: gitops, file: canary.yaml, helm: canary.weight, waitForSync: true}\n"))
                .containsExactly("traffic.waitForSync: needs an argocd: section (the Application that applies the weight)");
    }

    @Test
    @DisplayName("an HTTPRoute kept in Git: the stable backend's weight is located as the canary's, and apart from it")
    void shouldReadTheStableWeightOfAnHttpRouteInGit() throws Exception {
        RolloutSpec spec = reader.read(BASE + """
                traffic:
                  router: gitops
                  file: apps/checkout/route.yaml
                  yaml: spec.rules[0].backendRefs[1].weight
                  stableWeight: spec.rules[0].backendRefs[0].weight
                """);

        assertThat(spec.runtime().traffic()).isEqualTo(new TrafficSpec.GitOps("http://127.0.0.1:8080/env.git", "main",
                "apps/checkout/route.yaml", new ValueLocator.YamlPath("spec.rules[0].backendRefs[1].weight"), CredentialsSpec.NONE,
                false, new ValueLocator.YamlPath("spec.rules[0].backendRefs[0].weight")));
        assertThat(problems(BASE + "traffic: {router: gitops, file: canary.yaml, helm: canary.weight, stableWeight: canary.weight}\n"))
                .containsExactly("traffic.stableWeight: must differ from the canary's weight (helm canary.weight)");
    }

    @Test
    void shouldNeverTakeASecretInsteadOfAVariableName() {
        assertThat(problems(BASE + """
                traffic: {router: gitops, file: canary.yaml, helm: canary.weight}
                argocd: {application: checkout-prod, via: rest, server: "https://admin:hunter2@argocd.example", tokenEnv: "eyJhbGciOi.x"}
                """)).containsExactly(
                "argocd.server: must not carry credentials; name the variable holding the token in tokenEnv",
                "argocd.tokenEnv: \"eyJhbGciOi.x\" is not an environment variable name (give the variable's name, never the secret)");
    }
}
