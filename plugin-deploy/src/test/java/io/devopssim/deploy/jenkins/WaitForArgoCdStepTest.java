package io.devopssim.deploy.jenkins;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.AbortException;
import io.devopssim.deploy.argocd.FakeArgoCdServer;
import io.devopssim.deploy.argocd.KubernetesArgoCdApplications;
import io.devopssim.deploy.argocd.RestArgoCdApplications;
import io.devopssim.deploy.routing.Crds;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code waitForArgoCd} over the Application resource (fabric8's CRUD mock with Argo CD's CRD; the test plays
 * the controller) and over the REST API (a fake Argo CD validated against its OpenAPI definition).
 */
@EnableKubernetesMockClient(crud = true)
class WaitForArgoCdStepTest {
    private static final String OLD = "1111111111111111111111111111111111111111";
    private static final String NEW = "2222222222222222222222222222222222222222";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.argocd-token-for-tests.s1gnature";
    private static final String APP = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: checkout-prod, namespace: argocd}
            spec:
              project: default
              source: {repoURL: "https://git.example/env.git", path: prod/checkout, targetRevision: main}
              destination: {server: "https://kubernetes.default.svc", namespace: payments}
            status:
              sync: {status: Synced, revision: "%s"}
              health: {status: Healthy}
            """.formatted(OLD);

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;

    private TestRuntime runtime;
    private TestStepContext context;

    @BeforeAll
    static void registerCrd() {
        Crds.register(client, "argocd/application-crd.yaml");
    }

    @BeforeEach
    void setUp() {
        app().delete();
        client.genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace("argocd")
                .load(new ByteArrayInputStream(APP.getBytes(StandardCharsets.UTF_8))).create();
        runtime = new TestRuntime(tmp);
        runtime.argoCd = e -> new KubernetesArgoCdApplications(client, e.namespace());
        context = new TestStepContext();
    }

    private WaitForArgoCdExecution execution(String timeout, boolean sync) {
        WaitForArgoCdStep step = new WaitForArgoCdStep();
        step.setApplication("checkout-prod");
        step.setRevision(NEW);
        step.setTimeout(timeout);
        step.setSync(sync);
        return new WaitForArgoCdExecution(context, new ArgoCdWaitRequest(step.getApplication(), step.getRevision(),
                step.getServer(), step.getTokenEnv(), step.getNamespace(), step.getTimeout(), step.getInterval(), step.isSync()),
                runtime);
    }

    @Test
    @DisplayName("asks for a sync, waits without a thread, completes when Synced and Healthy at the revision")
    void shouldCompleteWhenSyncedAndHealthy() throws Exception {
        WaitForArgoCdExecution e = execution("5m", true);
        Instant start = runtime.clock.now();

        assertThat(e.start()).isFalse();
        runtime.scheduler.run(3);
        assertThat(context.outcome).isNotDone();
        assertThat(app().get().<Object>get("operation", "sync", "revision")).isEqualTo(NEW);
        assertThat(runtime.scheduler.pending()).isEqualTo(1);

        controllerFinished("Succeeded", "Healthy");
        runtime.scheduler.run(10);

        assertThat(context.outcome.get()).isEqualTo("checkout-prod is Synced and Healthy at 222222222222");
        assertThat(context.log()).containsOnlyOnce("asked Argo CD for a hard refresh and a sync")
                .containsOnlyOnce("waiting for checkout-prod: ");
        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(runtime.build.only(ArgoCdWaitsAction.class).getWaits()).singleElement().satisfies(w -> {
            assertThat(w.getApplication()).isEqualTo("checkout-prod");
            assertThat(w.getRevision()).isEqualTo(NEW);
            assertThat(w.getShortRevision()).isEqualTo("222222222222");
            assertThat(w.getResult()).isEqualTo(ArgoCdWaitsAction.Result.SYNCED_HEALTHY);
            assertThat(w.getDuration()).isEqualTo(Duration.between(start, runtime.clock.now())).isPositive();
            assertThat(w.getDurationText()).isEqualTo(io.devopssim.core.spec.Durations.format(w.getDuration()));
        });
    }

    @Test
    @DisplayName("fails fast when the application is Degraded at the revision")
    void shouldFailFastWhenDegraded() throws Exception {
        execution("5m", false).start();
        runtime.scheduler.run(1);
        controllerFinished("Succeeded", "Degraded");
        var before = runtime.clock.now();
        runtime.scheduler.run(10);

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(AbortException.class).hasMessageStartingWith("waitForArgoCd: checkout-prod is Degraded at 222222222222");
        assertThat(runtime.build.only(ArgoCdWaitsAction.class).getWaits()).singleElement().satisfies(w -> {
            assertThat(w.getResult()).isEqualTo(ArgoCdWaitsAction.Result.FAILED);
            assertThat(w.getMessage()).startsWith("checkout-prod is Degraded at 222222222222");
            assertThat(w.getDurationText()).isEqualTo("10s");
        });
        assertThat(runtime.clock.now()).isEqualTo(before.plusSeconds(10));
    }

    @Test
    @DisplayName("times out counting from the step's start, also across a controller restart")
    void shouldTimeOutFromTheStartAcrossARestart() throws Exception {
        WaitForArgoCdExecution e = execution("1m", false);
        Instant start = runtime.clock.now();
        e.start();
        runtime.scheduler.run(4); // looks at 0s, 10s, 20s, 30s
        runtime.scheduler.forget();
        WaitForArgoCdExecution resumed = StepSerialization.deserialize(StepSerialization.serialize(e, context), context,
                WaitForArgoCdExecution.class);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        runtime.scheduler.run(100);

        assertThatThrownBy(() -> context.outcome.get()).cause().hasMessageContaining("timed out after PT1M waiting for checkout-prod");
        assertThat(runtime.clock.now()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    }

    @Test
    @DisplayName("a stop ends the looks and leaves Argo CD's sync running")
    void shouldStopLooking() throws Exception {
        WaitForArgoCdExecution e = execution("5m", true);
        e.start();
        runtime.scheduler.run(1);
        InterruptedException cause = new InterruptedException("stopped");

        e.stop(cause);

        assertThatThrownBy(() -> context.outcome.get()).hasCause(cause);
        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(app().get().<Object>get("operation", "sync", "revision")).isEqualTo(NEW);
        assertThat(context.log()).contains("the sync Argo CD runs goes on");
        assertThat(runtime.build.only(ArgoCdWaitsAction.class).getWaits()).extracting(ArgoCdWaitsAction.Wait::getResult)
                .containsExactly(ArgoCdWaitsAction.Result.STOPPED);
    }

    @Test
    @DisplayName("bad arguments and a missing token fail before any request")
    void shouldRejectBadInputBeforeAnyRequest() {
        assertThatThrownBy(() -> new WaitForArgoCdExecution(context, new ArgoCdWaitRequest("checkout-prod", "abc", null, null,
                null, null, null, false), runtime).start()).isInstanceOf(AbortException.class).hasMessageContaining("full commit id");
        assertThatThrownBy(() -> new WaitForArgoCdExecution(context, new ArgoCdWaitRequest("checkout-prod", NEW,
                "https://argocd.example", "ARGOCD_TOKEN", null, null, null, false), runtime).start())
                .hasMessage("waitForArgoCd: environment variable ARGOCD_TOKEN is not set (withCredentials)");

        assertThat(runtime.argoCdEndpoints).isEmpty();
        assertThat(runtime.scheduler.pending()).isZero();
    }

    @Test
    @DisplayName("through the REST API with a token from the environment: every exchange valid, the token kept nowhere")
    void shouldWaitThroughTheRestApi() throws Exception {
        OpenApiInteractionValidator validator = FakeArgoCdServer.argoCdValidator();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree("""
                {"metadata": {"name": "checkout-prod", "namespace": "argocd", "resourceVersion": "41"},
                 "spec": {"project": "default",
                          "source": {"repoURL": "https://git.example/env.git", "path": "prod/checkout", "targetRevision": "main"},
                          "destination": {"server": "https://kubernetes.default.svc", "namespace": "payments"}},
                 "status": {"sync": {"status": "Synced", "revision": "%s"}, "health": {"status": "Healthy"}}}
                """.formatted(OLD));
        try (FakeArgoCdServer argo = new FakeArgoCdServer(validator, TOKEN, json)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            runtime.argoCd = e -> new RestArgoCdApplications(e.server(), e.token(), http, Duration.ofSeconds(30));
            context.env().put("ARGOCD_TOKEN", TOKEN);
            WaitForArgoCdExecution e = new WaitForArgoCdExecution(context, new ArgoCdWaitRequest("checkout-prod", NEW,
                    argo.uri().toString(), "ARGOCD_TOKEN", null, "5m", "10s", true), runtime);
            e.start();
            runtime.scheduler.run(2);
            byte[] program = StepSerialization.serialize(e, context);

            ObjectNode status = argo.app().putObject("status");
            status.putObject("sync").put("status", "Synced").put("revision", NEW);
            status.putObject("health").put("status", "Healthy");
            argo.app().remove("operation");
            runtime.scheduler.run(10);

            assertThat(context.outcome.get()).isEqualTo("checkout-prod is Synced and Healthy at 222222222222");
            assertThat(argo.requests()).anyMatch(r -> r.startsWith("POST /api/v1/applications/checkout-prod/sync"));
            assertThat(argo.validationErrors()).isEmpty();
            assertThat(new String(program, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN).doesNotContain("s1gnature");
            assertThat(context.log()).doesNotContain("s1gnature");
        }
    }

    private static Resource<GenericKubernetesResource> app() {
        return client.genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace("argocd")
                .withName("checkout-prod");
    }

    /** The controller finished a sync to NEW: records the result and clears .operation. */
    private static void controllerFinished(String phase, String health) {
        app().patch(PatchContext.of(PatchType.JSON_MERGE), """
                {"status":{"operationState":{"phase":"%s","message":"done","startedAt":"2026-11-23T09:00:01Z",
                 "finishedAt":"2026-11-23T09:00:09Z","syncResult":{"revision":"%s"}},
                 "sync":{"status":"Synced","revision":"%s"},"health":{"status":"%s"}}}
                """.formatted(phase, NEW, NEW, health));
        if (app().get().getAdditionalProperties().containsKey("operation")) {
            app().patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/operation\"}]");
        }
    }
}
