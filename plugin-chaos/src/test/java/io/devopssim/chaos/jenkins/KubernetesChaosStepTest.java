package io.devopssim.chaos.jenkins;

import io.devopssim.jenkinsapi.testing.SecretLeaks;
import io.devopssim.core.testing.ManualScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.devopssim.chaos.k8s.Cluster;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The chaosExperiment step on Kubernetes: the runtime the controller uses, against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesChaosStepTest {
    static final String TOKEN = "k8s-token-s3cr3t-0042";
    static final String POD_KILL = """
            name: canary-pod-kill
            faults: [{podKill: {count: 1}}]
            duration: 1m
            hypothesis:
              interval: 20s
              probes: [{name: health, url: "http://checkout.shop/healthz", expectStatus: 200}]
            """;

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final TestStepContext context = new TestStepContext();
    private String ns;
    private Cluster cluster;
    private TestBuilds builds;

    @BeforeEach
    void seed(TestInfo test) {
        ns = "s-" + Integer.toHexString(test.getDisplayName().hashCode()).toLowerCase(Locale.ROOT);
        cluster = new Cluster(server, client, ns).seed();
        builds = new TestBuilds(tmp.resolve("build"));
    }

    private KubernetesChaosRuntime runtime(Path kubeconfig) {
        CredentialsLookup lookup = (ctx, id) -> {
            if (id.equals("k8s-token")) {
                return new ChaosCredential.Token(TOKEN);
            }
            if (id.equals("not-a-token")) {
                return new ChaosCredential.UsernamePassword("admin", TOKEN);
            }
            throw new AbortException("chaosExperiment: no credential " + id + " for this build");
        };
        return new KubernetesChaosRuntime(scheduler, clock, builds, lookup, kubeconfig, (url, timeout) -> 200);
    }

    private ChaosExperimentExecution execution(KubernetesChaosRuntime runtime, String kubeContext, String serverUrl, String credentialsId) {
        return new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, POD_KILL, "exp-1", true,
                new BackendArguments("kubernetes", ns, kubeContext, serverUrl, credentialsId, null, "app=checkout,track=canary", null)),
                runtime);
    }

    private String serverUrl() {
        return server.url("/").replaceAll("/$", "");
    }

    @Test
    void shouldKillACanaryPodThroughTheApiServerWithTheTokenOfACredential() throws Exception {
        ChaosExperimentExecution execution = execution(runtime(null), null, serverUrl(), "k8s-token");

        execution.start();
        byte[] serialized = StepSerialization.serialize(execution, context);
        scheduler.run(1000);
        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();
        RecordedRequest last = server.getLastRequest(); // the step's own, before this test's client asks anything

        assertThat(context.outcome.get()).isEqualTo(Map.of("outcome", "COMPLETED", "hypothesisHeld", true, "errorBudgetBurned", 0.0));
        assertThat(client.pods().inNamespace(ns).withLabels(Cluster.CANARY).list().getItems()).as("one canary pod killed").hasSize(1);
        ConfigMap ledger = client.configMaps().inNamespace(ns).withName("devsim-chaos-exp-1").get();
        assertThat(ledger.getData()).containsEntry("state", "halted");
        assertThat(last.getHeader("Authorization")).as("the token was used").isEqualTo("Bearer " + TOKEN);
        assertThat(context.log()).contains("[chaosExperiment] experiment canary-pod-kill on kubernetes");
        SecretLeaks.assertNotInLog(TOKEN, context);
        SecretLeaks.assertNotInFiles(TOKEN, tmp.resolve("build"));
        SecretLeaks.assertNotInSerializedExecution(TOKEN, serialized);
    }

    @Test
    void shouldReachTheClusterThroughAContextOfTheControllersKubeconfig() throws Exception {
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: elsewhere
                clusters:
                - name: nowhere
                  cluster: {server: "http://127.0.0.1:1"}
                - name: mock
                  cluster: {server: "%s"}
                users:
                - name: chaos
                  user: {token: kubeconfig-token}
                contexts:
                - name: elsewhere
                  context: {cluster: nowhere, user: chaos}
                - name: mock-ctx
                  context: {cluster: mock, user: chaos}
                """.formatted(serverUrl()));

        assertThatThrownBy(execution(runtime(kubeconfig), "no-such-ctx", null, null)::start).isInstanceOf(AbortException.class)
                .hasMessage("chaosExperiment: the controller's kubeconfig has no context no-such-ctx");
        assertThat(Files.exists(tmp.resolve("build/devsim-chaos"))).as("nothing started").isFalse();

        execution(runtime(kubeconfig), "mock-ctx", null, null).start();
        scheduler.run(1000);
        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();
        RecordedRequest last = server.getLastRequest();

        assertThat(((Map<?, ?>) context.outcome.get()).get("outcome")).isEqualTo("COMPLETED");
        assertThat(last.getHeader("Authorization")).as("the context's user").isEqualTo("Bearer kubeconfig-token");
        assertThat(client.pods().inNamespace(ns).withLabels(Cluster.CANARY).list().getItems()).hasSize(1);
    }

    @Test
    void shouldRefuseACredentialThatIsNoTokenBeforeAnythingStarts() {
        ChaosExperimentExecution execution = execution(runtime(null), null, serverUrl(), "not-a-token");

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessage("chaosExperiment: credential not-a-token must be a secret text holding a Kubernetes token")
                .satisfies(e -> SecretLeaks.assertNotInException(TOKEN, e));
        assertThat(client.configMaps().inNamespace(ns).withName("devsim-chaos-exp-1").get()).isNull();
        assertThat(Files.exists(tmp.resolve("build/devsim-chaos"))).isFalse();
    }

    @Test
    void shouldHaltWhenStoppedAndLetGoOfTheClient() throws Exception {
        ChaosExperimentExecution execution = execution(runtime(null), null, serverUrl(), "k8s-token");
        execution.start();
        for (int i = 0; i < 100 && client.configMaps().inNamespace(ns).withName("devsim-chaos-exp-1").get() == null; i++) {
            scheduler.run(1);
        }

        execution.stop(new InterruptedException("aborted by user"));

        assertThat(client.configMaps().inNamespace(ns).withName("devsim-chaos-exp-1").get().getData()).containsEntry("state", "halted");
        assertThat(scheduler.pending()).isZero();
        assertThat(cluster.canaryReplicas()).isEqualTo(2);
    }
}
