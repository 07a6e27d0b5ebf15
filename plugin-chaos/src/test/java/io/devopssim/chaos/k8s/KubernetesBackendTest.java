package io.devopssim.chaos.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.chaos.FaultState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Kubernetes backend on fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesBackendTest {
    static KubernetesMockServer server;
    static KubernetesClient client;

    private String ns;
    private Cluster cluster;
    private KubernetesBackend backend;

    @org.junit.jupiter.api.BeforeEach
    void given(TestInfo test) {
        ns = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT).substring(0, 20);
        cluster = new Cluster(server, client, ns).seed();
        backend = new KubernetesBackend(client, ns, Cluster.CANARY, Cluster.APP);
    }

    private static ChaosRequest request(String id, Fault... faults) {
        return new ChaosRequest(id, ChaosTarget.CANARY, List.of(faults), Duration.ofMinutes(2), Duration.ZERO);
    }

    @Test
    void shouldDeleteTheCanarysPodsOnly() throws Exception {
        backend.start(request("kill", new Fault.PodKill(1)));

        assertThat(cluster.exists("checkout-canary-0")).isFalse();
        assertThat(cluster.exists("checkout-canary-1")).isTrue();
        assertThat(cluster.exists("checkout-stable-0")).isTrue();
        assertThat(backend.observe("kill").state()).isEqualTo(FaultState.ACTIVE);
    }

    @Test
    void shouldCordonAndDrainTheNodeAndUncordonItOnHalt() throws Exception {
        backend.start(request("node", new Fault.NodeFailure()));

        assertThat(cluster.cordoned(cluster.nodeA())).isTrue();
        assertThat(cluster.cordoned(cluster.nodeB())).isFalse();
        // a drain evicts the namespace's pods from the node (the mock keeps them: see Cluster), not DaemonSet pods
        assertThat(cluster.ledgerKilled("node")).isEqualTo("checkout-canary-0,checkout-stable-0");
        assertThat(cluster.exists("checkout-canary-1")).isTrue();

        backend.halt("node");

        assertThat(cluster.cordoned(cluster.nodeA())).isFalse();
        assertThat(backend.observe("node").state()).isEqualTo(FaultState.HALTED);
    }

    @Test
    void shouldScaleToZeroAndBack() throws Exception {
        backend.start(request("zero", new Fault.Blackhole()));
        assertThat(cluster.canaryReplicas()).isZero();

        backend.halt("zero");
        backend.halt("zero");

        assertThat(cluster.canaryReplicas()).isEqualTo(2);
    }

    @Test
    void shouldNotActTwiceWhenStartIsRepeated() throws Exception {
        backend.start(request("twice", new Fault.PodKill(1)));
        backend.start(request("twice", new Fault.PodKill(1)));

        assertThat(cluster.exists("checkout-canary-1")).isTrue();
    }

    @Test
    void shouldLeaveANodeCordonedBeforeTheExperimentCordoned() throws Exception {
        client.nodes().withName(cluster.nodeA()).edit(n -> new io.fabric8.kubernetes.api.model.NodeBuilder(n)
                .editSpec().withUnschedulable(true).endSpec().build());

        backend.start(request("pre", new Fault.NodeFailure()));
        backend.halt("pre");

        assertThat(cluster.cordoned(cluster.nodeA())).isTrue();
    }

    @Test
    void shouldRestoreFromTheLedgerInTheClusterAfterARestart() throws Exception {
        backend.start(request("restart", new Fault.NodeFailure(), new Fault.Blackhole()));

        new KubernetesBackend(client, ns, Cluster.CANARY, Cluster.APP).halt("restart");

        assertThat(cluster.cordoned(cluster.nodeA())).isFalse();
        assertThat(cluster.canaryReplicas()).isEqualTo(2);
    }

    @Test
    void shouldRefuseFaultsThatNeedAnAgentBeforeDoingAnything() {
        assertThatThrownBy(() -> backend.start(request("agent", new Fault.PodKill(1), new Fault.Latency(100))))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("latency needs an agent");
        assertThat(cluster.exists("checkout-canary-0")).isTrue();
    }

    @Test
    void shouldRefuseAnEmptySelector() {
        KubernetesBackend unlabelled = new KubernetesBackend(client, ns, Map.of(), Map.of());

        assertThatThrownBy(() -> unlabelled.start(request("empty", new Fault.PodKill(1))))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("no pod labels configured");
    }

    @Test
    void shouldKnowNothingOfAnExperimentNeverStarted() throws Exception {
        assertThat(backend.observe("never").state()).isEqualTo(FaultState.UNKNOWN);
        backend.halt("never");
    }
}
