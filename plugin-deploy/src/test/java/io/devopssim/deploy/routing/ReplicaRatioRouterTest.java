package io.devopssim.deploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnableKubernetesMockClient(crud = true)
class ReplicaRatioRouterTest {

    private static final String NS = "payments";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private ReplicaRatioRouter router;

    /** One mock server for the class (starting one takes a second or two); each test starts from scratch. */
    @BeforeEach
    void createDeployments() {
        client.apps().deployments().inNamespace(NS).delete();
        client.apps().deployments().inNamespace(NS).resource(deployment("checkout", 10)).create();
        client.apps().deployments().inNamespace(NS).resource(deployment("checkout-canary", 0)).create();
        router = new ReplicaRatioRouter(client, NS, "checkout", "checkout-canary", 10);
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(ints = {0, 10, 50, 100})
    @DisplayName("the canary gets weight% of the replicas and the weight reads back")
    void shouldSplitReplicasByWeight(int weight) throws TrafficRoutingException {
        router.setCanaryWeight(weight);

        assertThat(replicas("checkout-canary")).isEqualTo(weight / 10);
        assertThat(replicas("checkout")).isEqualTo(10 - weight / 10);
        assertThat(router.canaryWeight()).isEqualTo(weight);
    }

    @Test
    void shouldRestoreStableWhenTheWeightGoesBackToZero() throws TrafficRoutingException {
        router.setCanaryWeight(50);
        router.setCanaryWeight(0);

        assertThat(router.currentSplit()).isEqualTo(new ReplicaSplit(10, 0));
    }

    @Test
    @DisplayName("repeating a weight does not write to the cluster")
    void shouldNotWriteWhenTheWeightIsAlreadySet() throws TrafficRoutingException {
        router.setCanaryWeight(10);
        String stableVersion = resourceVersion("checkout");
        String canaryVersion = resourceVersion("checkout-canary");

        router.setCanaryWeight(10);

        assertThat(resourceVersion("checkout")).isEqualTo(stableVersion);
        assertThat(resourceVersion("checkout-canary")).isEqualTo(canaryVersion);
        assertThat(router.canaryWeight()).isEqualTo(10);
    }

    @Test
    void shouldKeepTheRestOfTheDeploymentWhenScaling() throws TrafficRoutingException {
        router.setCanaryWeight(50);

        Deployment stable = client.apps().deployments().inNamespace(NS).withName("checkout").get();
        assertThat(stable.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/checkout:1.0");
        assertThat(stable.getMetadata().getLabels()).containsEntry("app", "checkout");
    }

    @Test
    @DisplayName("a missing Deployment fails with its namespace and name")
    void shouldNameTheMissingDeployment() {
        ReplicaRatioRouter missing = new ReplicaRatioRouter(client, NS, "checkout", "nope-canary", 10);

        assertThatThrownBy(() -> missing.setCanaryWeight(10))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("Deployment payments/nope-canary not found");
        assertThatThrownBy(missing::canaryWeight).hasMessageContaining("payments/nope-canary");
        assertThat(replicas("checkout")).as("nothing changed").isEqualTo(10);
    }

    private int replicas(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get().getSpec().getReplicas();
    }

    private String resourceVersion(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get().getMetadata().getResourceVersion();
    }

    static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "checkout").endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", "checkout").addToMatchLabels("track", name).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", "checkout").addToLabels("track", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.example/checkout:1.0")
                .endContainer().endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
