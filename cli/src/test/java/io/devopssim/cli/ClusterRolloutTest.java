package io.devopssim.cli;

import io.devopssim.core.testing.GitHttpTestServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code devsim rollout -f spec.yaml} against a cluster, end to end: fabric8's mock API server in CRUD mode
 * (plain HTTP on 127.0.0.1) plays the cluster, a real Git server over HTTP is the environment repository, and
 * the credentials of both come from environment variables the spec names.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRolloutTest {
    private static final String NS = "payments";
    private static final String GIT_PASSWORD = UUID.randomUUID().toString();
    private static final String K8S_TOKEN = "k8s-" + UUID.randomUUID();
    private static final String VALUES = "image:\n  repository: ghcr.io/acme/checkout\n  tag: \"1.4.2\"   # stable\n";
    private static final AtomicInteger REPOS = new AtomicInteger();
    private static GitHttpTestServer git;

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = Map.of("GIT_USER", "deployer", "GIT_TOKEN", GIT_PASSWORD, "K8S_TOKEN", K8S_TOKEN);
    private String repo;
    private String repoUrl;

    @BeforeAll
    static void startGitAndRegisterHttpRoute() throws Exception {
        git = new GitHttpTestServer("deployer", GIT_PASSWORD);
        // a minimal HTTPRoute CRD, so the mock serves the resource at its real path
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("httproutes.gateway.networking.k8s.io").endMetadata()
                .withNewSpec().withGroup("gateway.networking.k8s.io").withScope("Namespaced")
                .withNewNames().withKind("HTTPRoute").withListKind("HTTPRouteList").withPlural("httproutes")
                .withSingular("httproute").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build()).createOr(existing -> existing.update());
    }

    @AfterAll
    static void stopGit() {
        git.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = "env-" + REPOS.incrementAndGet();
        repoUrl = git.createRepository(repo, Map.of("apps/checkout/values.yaml", VALUES));
        client.apps().deployments().inNamespace(NS).delete();
        for (var d : Map.of("checkout", 10, "checkout-canary", 0).entrySet()) {
            client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                    .withNewMetadata().withName(d.getKey()).withNamespace(NS).endMetadata()
                    .withNewSpec().withReplicas(d.getValue()).endSpec().build()).create();
        }
        route().delete();
        client.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace(NS)
                .load(new ByteArrayInputStream("""
                        apiVersion: gateway.networking.k8s.io/v1
                        kind: HTTPRoute
                        metadata: {name: checkout, namespace: payments}
                        spec:
                          parentRefs: [{name: public-gateway}]
                          rules:
                          - name: main
                            backendRefs:
                            - {name: checkout, port: 8080, weight: 100}
                            - {name: checkout-canary, port: 8080, weight: 0}
                        """.getBytes(StandardCharsets.UTF_8))).create();
    }

    private int devsim(String... args) {
        return Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    private Path spec(String traffic, String cluster) throws Exception {
        return Files.writeString(tmp.resolve("rollout.yaml"), """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 20
                  - pause: 1s
                  - setWeight: 50
                  - pause: {}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}
                traffic: %s
                cluster: %s
                """.formatted(repoUrl, traffic, cluster));
    }

    private String[] rollout(Path spec) {
        return new String[] {"rollout", "-f", spec.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--out", tmp.resolve("out").toString(), "--kubeconfig", kubeconfig().toString()};
    }

    @Test
    @DisplayName("replicas router from a kubeconfig context: scales the canary, pauses, and promotes by commit when approved")
    void shouldRollOutOnTheReplicaRatioRouterAndPromoteByCommit() throws Exception {
        Path spec = spec("{router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}",
                "{context: mock, namespace: payments}");

        assertThat(devsim(rollout(spec))).as(out + "\n" + err).isEqualTo(Devsim.EXIT_PAUSED);
        assertThat(replicas("checkout")).isEqualTo(5);
        assertThat(replicas("checkout-canary")).as("paused at 50%").isEqualTo(5);
        assertThat(out.toString()).contains("against traffic.router replicas, in real time")
                .contains("step 1/4 setWeight 20: canary gets 20% of requests")
                .contains("step 3/4 setWeight 50: canary gets 50% of requests")
                .contains("=> PAUSED for approval: devsim approve --id checkout-1.5.0");
        assertThat(git.history(repo, "main")).as("nothing committed yet").hasSize(1);

        assertThat(devsim("approve", "--id", "checkout-1.5.0", "--state-dir", tmp.resolve("state").toString())).isZero();
        assertThat(devsim(rollout(spec))).as(out + "\n" + err).isZero();

        assertThat(out.toString()).contains("=> PROMOTED");
        assertThat(replicas("checkout-canary")).isZero();
        assertThat(replicas("checkout")).isEqualTo(10);
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES.replace("1.4.2", "1.5.0"));
        assertThat(steps()).containsExactly("promote");
        assertThat(out.toString() + err).doesNotContain(GIT_PASSWORD);
    }

    @Test
    @DisplayName("httpRoute router on an API server with a token from a variable: an abort puts the weights back and records the rollback")
    void shouldShiftHttpRouteWeightsAndRollBackWhenAborted() throws Exception {
        Path spec = spec("{router: httpRoute, route: checkout, rule: main, stableService: checkout, canaryService: checkout-canary}",
                "{server: \"" + client.getMasterUrl() + "\", tokenEnv: K8S_TOKEN, namespace: payments}");

        assertThat(devsim(rollout(spec))).as(out + "\n" + err).isEqualTo(Devsim.EXIT_PAUSED);
        assertThat(weights()).containsExactly(50, 50);

        assertThat(devsim("abort", "--id", "checkout-1.5.0", "--state-dir", tmp.resolve("state").toString())).isZero();
        assertThat(devsim(rollout(spec))).as(out + "\n" + err).isEqualTo(Devsim.EXIT_NOT_PROMOTED);

        assertThat(out.toString()).contains("=> ABORTED");
        assertThat(weights()).containsExactly(100, 0);
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES);
        assertThat(steps()).containsExactly("rollback");
        assertThat(out.toString() + err).doesNotContain(K8S_TOKEN);
    }

    @Test
    void shouldRefuseBeforeTouchingAnythingWhenACredentialVariableIsMissing() throws Exception {
        Path spec = spec("{router: httpRoute, route: checkout, rule: main, stableService: checkout, canaryService: checkout-canary}",
                "{server: \"" + client.getMasterUrl() + "\", tokenEnv: K8S_PROD_TOKEN, namespace: payments}");

        assertThat(devsim(rollout(spec))).isEqualTo(Devsim.EXIT_BAD_INPUT);

        assertThat(err.toString()).contains("environment variable K8S_PROD_TOKEN (cluster.tokenEnv) is not set");
        assertThat(weights()).containsExactly(100, 0);
        assertThat(git.history(repo, "main")).hasSize(1);
        assertThat(tmp.resolve("state")).as("no state saved").doesNotExist();
    }

    @Test
    void shouldRefuseAnalysisStepsAgainstAClusterWithoutAMetricsSource() throws Exception {
        Path spec = Files.writeString(tmp.resolve("analysis.yaml"), Files.readString(spec(
                "{router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}",
                "{context: mock, namespace: payments}")).replace("  - pause: 1s\n", "  - analysis: {window: 1m}\n")
                + "analysis:\n  metrics:\n    - {metric: error_rate, max: 0.02}\n");

        assertThat(devsim(rollout(spec))).isEqualTo(Devsim.EXIT_BAD_INPUT);

        assertThat(err.toString()).contains("the spec has analysis steps: against a cluster, give --prometheus URL");
        assertThat(replicas("checkout-canary")).isZero();
    }

    private Path kubeconfig() {
        try {
            return Files.writeString(tmp.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    current-context: mock
                    clusters:
                    - name: mock
                      cluster: {server: "%s"}
                    contexts:
                    - name: mock
                      context: {cluster: mock, user: deployer}
                    users:
                    - name: deployer
                      user: {token: kubeconfig-token}
                    """.formatted(client.getMasterUrl()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int replicas(String deployment) {
        return client.apps().deployments().inNamespace(NS).withName(deployment).get().getSpec().getReplicas();
    }

    /** The stable and canary backend weights of the route's rule. */
    @SuppressWarnings("unchecked")
    private List<Integer> weights() {
        GenericKubernetesResource r = route().get();
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((Map<String, Object>) r.getAdditionalProperties().get("spec")).get("rules");
        List<Map<String, Object>> refs = (List<Map<String, Object>>) rules.get(0).get("backendRefs");
        return refs.stream().map(ref -> ((Number) ref.get("weight")).intValue()).toList();
    }

    private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> route() {
        return client.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace(NS).withName("checkout");
    }

    /** The Step trailers of the repository's commits, oldest first. */
    private List<String> steps() throws Exception {
        List<String> steps = new ArrayList<>();
        for (RevCommit c : git.history(repo, "main")) {
            c.getFooterLines().stream().filter(f -> f.getKey().equals("Step")).map(FooterLine::getValue).findFirst()
                    .ifPresent(s -> steps.add(0, s));
        }
        return steps;
    }
}
