package io.devopssim.deploy.runtime;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.argocd.ArgoCdVerifier;
import io.devopssim.deploy.routing.GitOpsRouter;
import io.devopssim.deploy.routing.HttpRouteRouter;
import io.devopssim.deploy.routing.ReplicaRatioRouter;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime a spec chooses, built against fabric8's mock API server in CRUD mode (plain HTTP). */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRuntimeTest {
    private static final String TOKEN = "k8s-token-4f1c";

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
    private GitPromoter promoter;
    private ClusterRuntime runtime;

    @BeforeEach
    void setUp() {
        promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("work")));
        runtime = new ClusterRuntime(promoter, clock, null, Duration.ofSeconds(5));
        client.apps().deployments().inNamespace("payments").delete();
        for (var d : Map.of("checkout", 10, "checkout-canary", 0).entrySet()) {
            client.apps().deployments().inNamespace("payments").resource(new DeploymentBuilder()
                    .withNewMetadata().withName(d.getKey()).withNamespace("payments").endMetadata()
                    .withNewSpec().withReplicas(d.getValue()).endSpec().build()).create();
        }
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        promoter.close();
    }

    private static RolloutSpec spec(String sections) throws Exception {
        return new RolloutSpecReader().read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 20
                gitops: {repo: "file:///nowhere/env.git", file: values.yaml, helm: image.tag}
                """ + sections);
    }

    private RolloutPorts ports(RolloutSpec spec, Function<String, String> env) {
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        return new RolloutPorts("checkout-1.5.0", spec, new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())), fleet,
                GitCredentials.ANONYMOUS, env, new InMemoryStateStore(), RolloutListener.NONE, ChaosExperiments.NONE,
                RolloutContext.RetryPolicy.DEFAULT);
    }

    private String replicasOnServer() {
        return """
                traffic: {router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}
                cluster: {server: "%s", tokenEnv: K8S_TOKEN, namespace: payments}
                """.formatted(client.getMasterUrl());
    }

    @Test
    @DisplayName("a replicas router on the API server the spec names, authenticated with the token of the named variable")
    void shouldBuildTheRouterTheSpecChoosesOnItsCluster() throws Exception {
        RolloutContext ctx = runtime.context(ports(spec(replicasOnServer()), Map.of("K8S_TOKEN", TOKEN)::get));

        ctx.router().setCanaryWeight(20);

        assertThat(ctx.router()).isInstanceOf(ReplicaRatioRouter.class);
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(client.apps().deployments().inNamespace("payments").withName("checkout-canary").get().getSpec().getReplicas())
                .isEqualTo(2);
        assertThat(ctx.verifier()).isSameAs(DeploymentVerifier.NONE);
    }

    @Test
    void shouldFailBeforeAnythingHappensWhenTheTokenVariableIsNotSet() throws Exception {
        int before = server.getRequestCount();

        assertThatThrownBy(() -> runtime.context(ports(spec(replicasOnServer()), Map.<String, String>of()::get)))
                .isInstanceOf(RuntimeSetupException.class)
                .hasMessage("environment variable K8S_TOKEN (cluster.tokenEnv) is not set");
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void shouldRefuseToStartWhenTheRoutersObjectsAreMissing() throws Exception {
        RolloutSpec spec = spec("""
                traffic: {router: httpRoute, route: checkout, rule: main, stableService: checkout, canaryService: checkout-canary}
                cluster: {server: "%s", namespace: payments}
                """.formatted(client.getMasterUrl()));

        assertThatThrownBy(() -> runtime.context(ports(spec, Map.<String, String>of()::get)))
                .isInstanceOf(RuntimeSetupException.class)
                .hasMessageStartingWith("traffic router httpRoute cannot be used: ")
                .hasMessageContaining("HTTPRoute payments/checkout");
        assertThat(runtime.router(ports(spec, Map.<String, String>of()::get))).isInstanceOf(HttpRouteRouter.class);
    }

    @Test
    void shouldTakeTheKubeconfigContextTheSpecNamesAndRefuseAnUnknownOne() throws Exception {
        Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: staging
                clusters:
                - name: mock
                  cluster: {server: "%s"}
                - name: nowhere
                  cluster: {server: "http://127.0.0.1:9"}
                contexts:
                - name: mock
                  context: {cluster: mock, user: deployer, namespace: default}
                - name: staging
                  context: {cluster: nowhere, user: deployer}
                users:
                - name: deployer
                  user: {token: kubeconfig-token}
                """.formatted(client.getMasterUrl()));
        String replicas = "traffic: {router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}\n";
        try (ClusterRuntime withKubeconfig = new ClusterRuntime(promoter, clock, kubeconfig, Duration.ofSeconds(5))) {
            RolloutContext ctx = withKubeconfig.context(ports(spec(replicas + "cluster: {context: mock, namespace: payments}\n"),
                    Map.<String, String>of()::get));
            ctx.router().setCanaryWeight(50);
            String authorization = server.getLastRequest().getHeader("Authorization");

            assertThat(authorization).isEqualTo("Bearer kubeconfig-token");
            assertThat(client.apps().deployments().inNamespace("payments").withName("checkout-canary").get().getSpec()
                    .getReplicas()).isEqualTo(5);
            assertThatThrownBy(() -> withKubeconfig.context(ports(spec(replicas + "cluster: {context: prod, namespace: payments}\n"),
                    Map.<String, String>of()::get)))
                    .isInstanceOf(RuntimeSetupException.class)
                    .hasMessage("cluster.context \"prod\" is not a context of the kubeconfig " + kubeconfig
                            + " (contexts: mock, staging)");
        }
    }

    @Test
    void shouldWaitForArgoCdThroughItsRestApiWithTheNamedTokenAndNeverShowIt() throws Exception {
        RolloutSpec spec = spec("argocd: {application: checkout-prod, via: rest, server: \"https://127.0.0.1:1\", tokenEnv: ARGOCD_TOKEN}\n");

        DeploymentVerifier verifier = runtime.verifier(spec.runtime(), Map.of("ARGOCD_TOKEN", "argo-secret")::get);

        assertThat(verifier).isInstanceOf(ArgoCdVerifier.class);
        assertThatThrownBy(() -> runtime.verifier(spec.runtime(), Map.of("ARGOCD_TOKEN", "two words")::get))
                .isInstanceOf(RuntimeSetupException.class)
                .hasMessageStartingWith("environment variable ARGOCD_TOKEN (argocd.tokenEnv): ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("two words"));
        assertThatThrownBy(() -> runtime.verifier(spec.runtime(), Map.<String, String>of()::get))
                .hasMessage("environment variable ARGOCD_TOKEN (argocd.tokenEnv) is not set");
    }

    @Test
    void shouldGiveTheGitOpsRouterItsOwnRepositoryCredentials() throws Exception {
        RolloutSpec spec = spec("""
                traffic:
                  router: gitops
                  repo: "http://127.0.0.1:1/routes.git"
                  file: canary.yaml
                  helm: canary.weight
                  credentials: {usernameEnv: ROUTES_USER, passwordEnv: ROUTES_TOKEN}
                """);

        assertThat(runtime.router(ports(spec, Map.of("ROUTES_USER", "bot", "ROUTES_TOKEN", "t")::get)))
                .isInstanceOf(GitOpsRouter.class);
        assertThatThrownBy(() -> runtime.router(ports(spec, Map.of("ROUTES_USER", "bot")::get)))
                .hasMessage("environment variable ROUTES_TOKEN (traffic.credentials.passwordEnv) is not set");
    }

    @Test
    @DisplayName("traffic.credentials.credentialsId: the login Jenkins resolved, or without Jenkins (the CLI) a clear refusal")
    void shouldTakeTheGitOpsRoutersJenkinsCredentialOnlyWhenResolved() throws Exception {
        RolloutSpec spec = spec("""
                traffic:
                  router: gitops
                  repo: "http://127.0.0.1:1/routes.git"
                  file: canary.yaml
                  helm: canary.weight
                  credentials: {credentialsId: routes-login}
                """);
        RolloutPorts cli = ports(spec, Map.<String, String>of()::get);
        RolloutPorts jenkins = new RolloutPorts(cli.rolloutId(), spec, cli.analysis(), cli.simulator(), cli.gitCredentials(),
                cli.env(), cli.store(), cli.listener(), cli.chaos(), cli.retry(), new GitCredentials("bot", "t".toCharArray()));

        assertThatThrownBy(() -> runtime.router(cli)).isInstanceOf(RuntimeSetupException.class)
                .hasMessage("traffic.credentials.credentialsId needs Jenkins; use usernameEnv/passwordEnv");
        assertThat(runtime.router(jenkins)).isInstanceOf(GitOpsRouter.class);
    }
}
