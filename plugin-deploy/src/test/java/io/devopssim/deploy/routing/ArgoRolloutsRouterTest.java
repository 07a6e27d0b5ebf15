package io.devopssim.deploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Rollout CRD from shared/argo-rollouts is registered, so .status is a real status subresource. */
@EnableKubernetesMockClient(crud = true)
class ArgoRolloutsRouterTest {

    private static final String NS = "payments";
    private static final String ROLLOUT = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: checkout
              namespace: payments
            spec:
              replicas: 10
              selector:
                matchLabels: {app: checkout}
              template:
                metadata:
                  labels: {app: checkout}
                spec:
                  containers:
                  - name: app
                    image: registry.example/checkout:2.0
              strategy:
                canary:
                  steps:
                  - setWeight: 10
                  - pause: {}
                  - setWeight: 50
                  - pause: {}
            """;

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final ArgoRolloutsRouter router = new ArgoRolloutsRouter(client, NS, "checkout");

    @BeforeAll
    static void registerCrd() {
        Crds.register(client, "argo-rollouts/rollout-crd.yaml");
    }

    @BeforeEach
    void createRollout() {
        rollouts().inNamespace(NS).delete();
        rollouts().inNamespace(NS).load(new ByteArrayInputStream(ROLLOUT.getBytes(StandardCharsets.UTF_8))).create();
    }

    @Test
    void shouldStartWithNoTrafficOnTheCanary() throws TrafficRoutingException {
        assertThat(router.canaryWeight()).isZero();
        assertThat(router.stepWeights()).containsExactly(10, 50);
    }

    @Test
    @DisplayName("a weight skips to its setWeight step through the status subresource")
    void shouldSkipToTheSetWeightStep() throws TrafficRoutingException {
        controllerPausedAt(1);

        router.setCanaryWeight(50);

        GenericKubernetesResource rollout = rollout().get();
        assertThat(rollout.<Object>get("status", "currentStepIndex")).isEqualTo(2);
        assertThat(rollout.<Object>get("status", "pauseConditions")).isNull();
        assertThat(router.canaryWeight()).isEqualTo(50);
    }

    @Test
    void shouldUnpauseAPausedSpec() throws TrafficRoutingException {
        rollout().patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");

        router.setCanaryWeight(10);

        assertThat(rollout().get().<Object>get("spec", "paused")).isEqualTo(false);
        assertThat(router.canaryWeight()).isEqualTo(10);
    }

    @Test
    void shouldAbortForWeightZeroAndRetryForAPositiveWeight() throws TrafficRoutingException {
        router.setCanaryWeight(10);

        router.setCanaryWeight(0);
        assertThat(rollout().get().<Object>get("status", "abort")).isEqualTo(true);
        assertThat(router.canaryWeight()).isZero();

        router.setCanaryWeight(10);
        assertThat(rollout().get().<Object>get("status", "abort")).isEqualTo(false);
        assertThat(router.canaryWeight()).isEqualTo(10);
    }

    @Test
    void shouldPromoteFullyForWeightHundred() throws TrafficRoutingException {
        router.setCanaryWeight(100);

        assertThat(rollout().get().<Object>get("status", "promoteFull")).isEqualTo(true);
        assertThat(router.canaryWeight()).isEqualTo(100);
    }

    @Test
    void shouldNotWriteWhenTheRolloutAlreadyHeadsForTheWeight() throws TrafficRoutingException {
        router.setCanaryWeight(50);
        String version = rollout().get().getMetadata().getResourceVersion();

        router.setCanaryWeight(50);

        assertThat(rollout().get().getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void shouldRefuseAWeightNoStepNames() {
        assertThatThrownBy(() -> router.setCanaryWeight(30))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("Rollout payments/checkout has no 'setWeight: 30' step; its steps allow [10, 50],"
                        + " 0 (abort) and 100 (full promotion)");
    }

    @Test
    void shouldPromoteByClearingThePauseConditions() throws TrafficRoutingException {
        controllerPausedAt(1);

        router.promote();

        assertThat(rollout().get().<Object>get("status", "pauseConditions")).isNull();
        assertThat(rollout().get().<Object>get("status", "currentStepIndex")).as("the controller moves on").isEqualTo(1);
    }

    @Test
    void shouldReadTheWeightTheControllerApplied() throws TrafficRoutingException {
        assertThat(router.appliedWeight()).isEmpty();
        status("{\"canary\":{\"weights\":{\"canary\":{\"weight\":10},\"stable\":{\"weight\":90}}}}");

        assertThat(router.appliedWeight()).contains(10);
    }

    @Test
    void shouldNameTheMissingRollout() {
        assertThatThrownBy(() -> new ArgoRolloutsRouter(client, NS, "nope").setCanaryWeight(10))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("Rollout payments/nope not found");
    }

    /** Plays the controller: paused at an indefinite pause step. */
    private static void controllerPausedAt(int stepIndex) {
        status("{\"currentStepIndex\":" + stepIndex
                + ",\"phase\":\"Paused\",\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\","
                + "\"startTime\":\"2026-11-23T10:00:00Z\"}]}");
        assertThat(rollout().get().<Object>get("status", "currentStepIndex")).isEqualTo(stepIndex);
    }

    private static void status(String statusJson) {
        rollout().subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":" + statusJson + "}");
    }

    private static Resource<GenericKubernetesResource> rollout() {
        return rollouts().inNamespace(NS).withName("checkout");
    }

    private static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> rollouts() {
        return client.genericKubernetesResources(ArgoRolloutsRouter.API_VERSION, ArgoRolloutsRouter.KIND);
    }
}
