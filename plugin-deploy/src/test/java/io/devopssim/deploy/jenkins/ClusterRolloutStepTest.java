package io.devopssim.deploy.jenkins;

import io.devopssim.jenkinsapi.testing.SecretLeaks;
import hudson.AbortException;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
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

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rollout steps against a cluster, as {@code devsim rollout} runs them: fabric8's mock API server in CRUD mode
 * (plain HTTP on 127.0.0.1) plays the cluster, a real Git server over HTTP is the environment repository; the
 * cluster token comes from a Jenkins credential, the Git login from the build's environment.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRolloutStepTest {
    private static final String NS = "payments";
    private static final String GIT_PASSWORD = "git-" + UUID.randomUUID();
    private static final String K8S_TOKEN = "k8s-" + UUID.randomUUID();
    private static final String VALUES = "image:\n  repository: ghcr.io/acme/checkout\n  tag: \"1.4.2\"   # stable\n";
    private static final AtomicInteger REPOS = new AtomicInteger();
    private static GitHttpTestServer git;

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;

    private TestRuntime runtime;
    private TestStepContext context;
    private String repo;
    private String repoUrl;

    @BeforeAll
    static void startGit() throws Exception {
        git = new GitHttpTestServer("deployer", GIT_PASSWORD);
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
        runtime = new TestRuntime(tmp);
        runtime.credentials.put("k8s-deployer", new DeploySecret.Token(K8S_TOKEN));
        context = new TestStepContext();
        context.env().put("GIT_USER", "deployer");
        context.env().put("GIT_TOKEN", GIT_PASSWORD);
    }

    private String spec(String steps, String extra) {
        return """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                %s
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}
                traffic: {router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}
                cluster: {server: "%s", tokenEnv: K8S_TOKEN, namespace: payments}
                %s""".formatted(steps, repoUrl, client.getMasterUrl(), extra);
    }

    private static final String PAUSED_STEPS = "  - setWeight: 20\n  - pause: 1m\n  - setWeight: 50";

    private CanaryRolloutExecution canary(String yaml, String prometheusUrl, String clusterCredentialsId) {
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(yaml);
        step.setPrometheusUrl(prometheusUrl);
        step.setClusterCredentialsId(clusterCredentialsId);
        return new CanaryRolloutExecution(context, step.request(), runtime);
    }

    @Test
    @DisplayName("canaryRollout on the replicas router of the spec's cluster, token from a Jenkins credential: scales, promotes by commit")
    void shouldRollOutOnTheClusterTheSpecNamesAndPromoteByCommit() throws Exception {
        CanaryRolloutExecution execution = canary(spec(PAUSED_STEPS, ""), null, "k8s-deployer");

        execution.start();
        runtime.scheduler.run(1); // the first transition: setWeight 20
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer " + K8S_TOKEN);
        assertThat(replicas("checkout-canary")).as("20% of 10 replicas").isEqualTo(2);
        byte[] serialized = StepSerialization.serialize(execution, context);
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(replicas("checkout-canary")).isZero();
        assertThat(replicas("checkout")).isEqualTo(10);
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES.replace("1.4.2", "1.5.0"));
        assertThat(steps()).containsExactly("promote");
        assertThat(runtime.sessions).hasSize(1).allSatisfy(s -> assertThat(s.isClosed()).as("closed at the end").isTrue());
        for (String secret : List.of(K8S_TOKEN, GIT_PASSWORD)) {
            SecretLeaks.assertNotInLog(secret, context);
            SecretLeaks.assertNotInFiles(secret, runtime.build.rootDir());
            SecretLeaks.assertNotInSerializedExecution(secret, serialized);
        }
    }

    @Test
    @DisplayName("after a controller restart the step looks its credential up again, re-attaches to the cluster and promotes once")
    void shouldResumeOnTheClusterAfterARestart() throws Exception {
        CanaryRolloutExecution execution = canary(spec(PAUSED_STEPS, ""), null, "k8s-deployer");
        execution.start();
        runtime.scheduler.run(1); // at 20%, pausing
        assertThat(replicas("checkout-canary")).isEqualTo(2);
        runtime.scheduler.forget(); // the controller goes down
        byte[] program = StepSerialization.serialize(execution, context);
        SecretLeaks.assertNotInSerializedExecution(K8S_TOKEN, program);

        CanaryRolloutExecution resumed = StepSerialization.deserialize(program, context, CanaryRolloutExecution.class);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(context.completions()).isEqualTo(1);
        assertThat(replicas("checkout-canary")).isZero();
        assertThat(steps()).containsExactly("promote");
        assertThat(runtime.sessions).hasSize(2).last().satisfies(s -> assertThat(s.isClosed()).isTrue());
    }

    @Test
    @DisplayName("a stopped build puts the cluster's replicas back, records the rollback and closes the rollout's connections")
    void shouldRollBackOnTheClusterWhenStopped() throws Exception {
        CanaryRolloutExecution execution = canary(spec(PAUSED_STEPS, ""), null, "k8s-deployer");
        execution.start();
        runtime.scheduler.run(1);
        assertThat(replicas("checkout-canary")).isEqualTo(2);

        execution.stop(new InterruptedException("aborted by user"));

        assertThat(replicas("checkout-canary")).isZero();
        assertThat(replicas("checkout")).isEqualTo(10);
        assertThat(steps()).containsExactly("rollback");
        assertThat(runtime.sessions).allSatisfy(s -> assertThat(s.isClosed()).isTrue());
    }

    @Test
    @DisplayName("analyses against a cluster without prometheusUrl: refused before any request or commit")
    void shouldRefuseAnalysesAgainstAClusterWithoutPrometheus() throws Exception {
        String yaml = spec("  - setWeight: 20\n  - analysis: {window: 1m}",
                "analysis:\n  metrics:\n    - {metric: error_rate, max: 0.02}\n");
        int requests = server.getRequestCount();

        assertThatThrownBy(canary(yaml, null, "k8s-deployer")::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("give prometheusUrl");

        assertThat(server.getRequestCount()).as("no request to the cluster").isEqualTo(requests);
        assertThat(git.history(repo, "main")).hasSize(1);
        assertThat(runtime.build.actions).isEmpty();
        assertThat(runtime.sessions).isEmpty();
    }

    @Test
    @DisplayName("analyses read the given Prometheus with the CLI's selectors; one without data never promotes: rolled back")
    void shouldNeverPromoteWhenPrometheusHasNoData() throws Exception {
        String yaml = spec("  - setWeight: 20\n  - analysis: {window: 1m}\n  - setWeight: 50",
                "analysis:\n  interval: 10s\n  metrics:\n    - {metric: error_rate, max: 0.02}\n");
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        // a Prometheus that is up but has nothing yet (503, as while it starts): every query is recorded
        HttpServer prometheus = prometheus(queries, 503, null);
        try {
            canary(yaml, "http://127.0.0.1:" + prometheus.getAddress().getPort() + "/", "k8s-deployer").start();
            runtime.scheduler.run(1000);
        } finally {
            prometheus.stop(0);
        }

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class)
                .cause().hasMessageContaining("rolled back").hasMessageContaining("INCONCLUSIVE");
        assertThat(queries).isNotEmpty().allSatisfy(q -> assertThat(q).startsWith("/api/v1/query_range?"));
        // the baseline is asked first; without it the canary's series are not asked for
        assertThat(queries).anySatisfy(q -> assertThat(q).contains("{app=\"checkout\",track=\"baseline\"}"))
                .allSatisfy(q -> assertThat(q).contains("app=\"checkout\"").contains("step=10.000"));
        assertThat(queries.size()).as("bounded: one window's metrics and the history's re-fetch").isLessThan(50);
        assertThat(replicas("checkout-canary")).isZero();
        assertThat(steps()).containsExactly("rollback");
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES);
    }

    /** A stand-in Prometheus on 127.0.0.1 answering every query with {@code status} (and {@code body}); records them. */
    private static HttpServer prometheus(List<String> queries, int status, String body) throws java.io.IOException {
        HttpServer prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery(); // GET, or a POSTed form as Prometheus also takes
            String form = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            queries.add(exchange.getRequestURI().getPath() + "?" + java.net.URLDecoder.decode(
                    (query == null ? "" : query) + form, java.nio.charset.StandardCharsets.UTF_8));
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        prometheus.start();
        return prometheus;
    }

    private static final String CANARY_SELECTOR = "{app=\"checkout\",role=\"canary\",cluster=\"eu-1\"}";
    private static final String BASELINE_SELECTOR = "{app=\"checkout\",role=\"primary\",cluster=\"eu-1\"}";

    @Test
    @DisplayName("canarySelector and baselineSelector replace the CLI's selectors in every query to Prometheus")
    void shouldQueryPrometheusWithTheStepsSelectors() throws Exception {
        String yaml = spec("  - setWeight: 20\n  - analysis: {window: 1m}\n  - setWeight: 50",
                "analysis:\n  interval: 10s\n  metrics:\n    - {metric: error_rate, max: 0.02}\n");
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        // up, but no series match yet: both versions are asked, and missing data is never a pass
        HttpServer prometheus = prometheus(queries, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
        try {
            CanaryRolloutStep step = new CanaryRolloutStep();
            step.setSpec(yaml);
            step.setPrometheusUrl("http://127.0.0.1:" + prometheus.getAddress().getPort() + "/");
            step.setClusterCredentialsId("k8s-deployer");
            step.setCanarySelector(CANARY_SELECTOR);
            step.setBaselineSelector(" " + BASELINE_SELECTOR + " ");
            new CanaryRolloutExecution(context, step.request(), runtime).start();
            runtime.scheduler.run(1000);
        } finally {
            prometheus.stop(0);
        }

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class)
                .cause().hasMessageContaining("rolled back");
        assertThat(queries).isNotEmpty().allSatisfy(q -> assertThat(q).startsWith("/api/v1/query_range?")
                .doesNotContain("track=").containsAnyOf(CANARY_SELECTOR, BASELINE_SELECTOR));
        assertThat(queries).anySatisfy(q -> assertThat(q).contains(CANARY_SELECTOR))
                .anySatisfy(q -> assertThat(q).contains(BASELINE_SELECTOR));
        assertThat(queries.size()).as("bounded").isLessThan(50);
        assertThat(steps()).containsExactly("rollback");
    }

    @Test
    @DisplayName("a selector that is not label matchers in braces is refused before any request, to Prometheus or the cluster")
    void shouldRefuseAMalformedSelectorBeforeAnyRequest() throws Exception {
        String yaml = spec("  - setWeight: 20\n  - analysis: {window: 1m}",
                "analysis:\n  metrics:\n    - {metric: error_rate, max: 0.02}\n");
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer prometheus = prometheus(queries, 503, null);
        int requests = server.getRequestCount();
        try {
            for (String[] bad : new String[][] {{"app=\"checkout\",track=\"canary\"", null}, {null, "{app=\"checkout\""},
                    {null, "{}"}}) {
                CanaryRolloutStep step = new CanaryRolloutStep();
                step.setSpec(yaml);
                step.setPrometheusUrl("http://127.0.0.1:" + prometheus.getAddress().getPort() + "/");
                step.setClusterCredentialsId("k8s-deployer");
                step.setCanarySelector(bad[0]);
                step.setBaselineSelector(bad[1]);
                String argument = bad[0] != null ? "canarySelector" : "baselineSelector";
                assertThatThrownBy(new CanaryRolloutExecution(context, step.request(), runtime)::start)
                        .isInstanceOf(AbortException.class)
                        .hasMessageStartingWith("canaryRollout: " + argument + " must be PromQL label matchers in braces");
            }
        } finally {
            prometheus.stop(0);
        }

        assertThat(queries).as("no query to Prometheus").isEmpty();
        assertThat(server.getRequestCount()).as("no request to the cluster").isEqualTo(requests);
        assertThat(runtime.sessions).isEmpty();
        assertThat(git.history(repo, "main")).hasSize(1);
    }

    @Test
    void shouldRefuseAnUnusablePrometheusUrlBeforeAnything() {
        assertThatThrownBy(canary(spec(PAUSED_STEPS, ""), "prometheus:9090", "k8s-deployer")::start)
                .isInstanceOf(AbortException.class).hasMessageContaining("prometheusUrl must be an http(s) URL");
        assertThat(runtime.sessions).isEmpty();
    }

    @Test
    @DisplayName("a cluster credential the spec names no variable for, or of the wrong kind, is refused naming its id only")
    void shouldRefuseCredentialsThatDoNotFitTheSpec() throws Exception {
        runtime.credentials.put("git-login", new DeploySecret.UsernamePassword("deployer", GIT_PASSWORD));
        String noTokenEnv = spec(PAUSED_STEPS, "").replace(", tokenEnv: K8S_TOKEN", "");

        assertThatThrownBy(canary(noTokenEnv, null, "k8s-deployer")::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("clusterCredentialsId needs cluster.server and cluster.tokenEnv");
        Throwable wrongKind = org.assertj.core.api.Assertions.catchThrowable(canary(spec(PAUSED_STEPS, ""), null, "git-login")::start);
        assertThat(wrongKind).isInstanceOf(AbortException.class)
                .hasMessageContaining("clusterCredentialsId git-login must be a secret text");
        SecretLeaks.assertNotInException(GIT_PASSWORD, wrongKind);
        assertThatThrownBy(canary(spec(PAUSED_STEPS, ""), null, "nobody")::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("no credential nobody");
        assertThat(replicas("checkout-canary")).isZero();
    }

    @Test
    void shouldReadTheTokenFromTheBuildsEnvironmentWithoutACredentialsId() throws Exception {
        context.env().put("K8S_TOKEN", K8S_TOKEN);
        canary(spec(PAUSED_STEPS, ""), null, null).start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer " + K8S_TOKEN);
    }

    private int replicas(String deployment) {
        return client.apps().deployments().inNamespace(NS).withName(deployment).get().getSpec().getReplicas();
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
