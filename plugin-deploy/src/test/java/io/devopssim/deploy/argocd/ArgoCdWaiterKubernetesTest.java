package io.devopssim.deploy.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.routing.Crds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The waiter over the Application custom resource, on fabric8's CRUD mock with Argo CD's CRD registered.
 * No controller runs in the mock, so the tests play its part: they write status and clear .operation.
 */
@EnableKubernetesMockClient(crud = true)
class ArgoCdWaiterKubernetesTest {

    private static final String NS = "argocd";
    private static final String OLD = "1111111111111111111111111111111111111111";
    private static final String NEW = "2222222222222222222222222222222222222222";
    private static final String APP = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: checkout-prod
              namespace: argocd
            spec:
              project: default
              source:
                repoURL: https://git.example/env.git
                path: prod/checkout
                targetRevision: main
              destination:
                server: https://kubernetes.default.svc
                namespace: payments
            status:
              sync: {status: Synced, revision: "%s"}
              health: {status: Healthy}
            """.formatted(OLD);

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final KubernetesArgoCdApplications argoCd = new KubernetesArgoCdApplications(client, NS);
    private ArgoCdWaiter waiter;

    @BeforeAll
    static void registerCrd() {
        Crds.register(client, "argocd/application-crd.yaml");
    }

    @BeforeEach
    void createApplication() {
        client.genericKubernetesResources(KubernetesArgoCdApplications.API_VERSION, KubernetesArgoCdApplications.KIND)
                .inNamespace(NS).delete();
        client.genericKubernetesResources(KubernetesArgoCdApplications.API_VERSION, KubernetesArgoCdApplications.KIND)
                .inNamespace(NS).load(new ByteArrayInputStream(APP.getBytes(StandardCharsets.UTF_8))).create();
        waiter = new ArgoCdWaiter(argoCd, "checkout-prod", NEW, clock, Duration.ofMinutes(5));
    }

    @Test
    @DisplayName("requesting a sync sets the hard-refresh annotation and .operation with the revision")
    void shouldRequestAHardRefreshAndASyncToTheRevision() throws ArgoCdException {
        waiter.requestSync();

        GenericKubernetesResource app = app().get();
        assertThat(app.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/refresh", "hard");
        assertThat(app.<Object>get("operation", "sync", "revision")).isEqualTo(NEW);
        assertThat(app.<Object>get("operation", "initiatedBy", "username")).isEqualTo("devopssim");
        assertThat(app.<Object>get("status", "operationState")).isNull();
    }

    @Test
    void shouldRefuseASecondSyncWhileOneIsRequested() throws ArgoCdException {
        waiter.requestSync();

        assertThatThrownBy(() -> argoCd.sync("checkout-prod", NEW))
                .isInstanceOf(ArgoCdException.class)
                .hasMessage("Application argocd/checkout-prod: another operation is already in progress");
    }

    @Test
    void shouldStayPendingWhileTheOldRevisionIsDeployed() throws ArgoCdException {
        waiter.requestSync();

        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.PENDING);
        assertThat(result.message()).contains("operation requested");
    }

    @Test
    @DisplayName("done only when the operation is cleared and Synced + Healthy at the new revision")
    void shouldBeDoneWhenSyncedAndHealthyAtTheRevision() throws ArgoCdException {
        waiter.requestSync();
        controllerRunning();
        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.PENDING);

        controllerFinished("Succeeded", "successfully synced", "Healthy");

        WaitResult result = waiter.poll();
        assertThat(result.phase()).isEqualTo(WaitResult.Phase.DONE);
        assertThat(result.message()).isEqualTo("checkout-prod is Synced and Healthy at 222222222222");
    }

    @Test
    void shouldStayPendingWhileProgressingAtTheRevision() throws ArgoCdException {
        waiter.requestSync();
        controllerFinished("Succeeded", "successfully synced", "Progressing");

        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.PENDING);
    }

    @Test
    void shouldFailFastWhenTheSyncFails() throws ArgoCdException {
        waiter.requestSync();
        controllerFinished("Failed", "one or more objects failed to apply", "Healthy");

        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.FAILED);
        assertThat(result.message()).contains("Failed: one or more objects failed to apply");
    }

    @Test
    void shouldFailFastWhenDegradedAtTheRevision() throws ArgoCdException {
        waiter.requestSync();
        controllerFinished("Succeeded", "successfully synced", "Degraded");

        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.FAILED);
        assertThat(result.message()).startsWith("checkout-prod is Degraded at 222222222222");
    }

    @Test
    void shouldTimeOutWithTheLastStateSeen() throws ArgoCdException, InterruptedException {
        waiter.requestSync();

        WaitResult result = waiter.await(Duration.ofMinutes(1), clock::advance);

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.FAILED);
        assertThat(result.message()).startsWith("timed out after PT5M waiting for checkout-prod to be Synced and"
                + " Healthy at 222222222222; last seen: sync Synced at 111111111111");
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
    }

    @Test
    void shouldWithdrawAPendingSyncWithAJsonPatchRemove() throws ArgoCdException {
        waiter.requestSync();

        argoCd.withdrawSync("checkout-prod");

        assertThat(app().get().getAdditionalProperties()).doesNotContainKey("operation");
        argoCd.sync("checkout-prod", NEW); // no longer refused
    }

    @Test
    void shouldNameAMissingApplication() {
        assertThatThrownBy(() -> argoCd.get("nope")).isInstanceOf(ArgoCdException.class)
                .hasMessage("Application argocd/nope not found");
    }

    /** The controller took the operation up. */
    private static void controllerRunning() {
        app().patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"operationState\":{\"phase\":\"Running\",\"startedAt\":\"2026-11-23T10:00:01Z\"}}}");
    }

    /** The controller finished: records the result and clears .operation, as setOperationState does. */
    private static void controllerFinished(String phase, String message, String health) {
        String status = """
                {"status":{"operationState":{"phase":"%s","message":"%s","startedAt":"2026-11-23T10:00:01Z",
                 "finishedAt":"2026-11-23T10:00:09Z","syncResult":{"revision":"%s"}},
                 "sync":{"status":"Synced","revision":"%s"},"health":{"status":"%s"}}}
                """.formatted(phase, message, NEW, NEW, health);
        app().patch(PatchContext.of(PatchType.JSON_MERGE), status);
        app().patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/operation\"}]");
        assertThat(app().get().getAdditionalProperties()).doesNotContainKey("operation").containsKey("status");
        assertThat(app().get().<Map<String, Object>>get("status", "health")).containsEntry("status", health);
    }

    private static Resource<GenericKubernetesResource> app() {
        return client.genericKubernetesResources(KubernetesArgoCdApplications.API_VERSION,
                KubernetesArgoCdApplications.KIND).inNamespace(NS).withName("checkout-prod");
    }
}
