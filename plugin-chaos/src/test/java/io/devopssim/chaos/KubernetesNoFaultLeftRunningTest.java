package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.chaos.k8s.Cluster;
import io.devopssim.chaos.k8s.KubernetesBackend;
import io.devopssim.core.chaos.ChaosBackend;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.TestInfo;

import java.util.List;
import java.util.Locale;

/** The contract on fabric8's CRUD mock: afterwards no node cordoned, replicas back, every ledger halted. */
@EnableKubernetesMockClient(crud = true)
class KubernetesNoFaultLeftRunningTest extends NoFaultLeftRunningContract {
    static KubernetesMockServer server;
    static KubernetesClient client;

    private final String ns;
    private final Cluster cluster;
    private final KubernetesBackend backend;

    KubernetesNoFaultLeftRunningTest(TestInfo test) {
        ns = "c-" + Integer.toHexString(test.getDisplayName().hashCode()).toLowerCase(Locale.ROOT);
        cluster = new Cluster(server, client, ns);
        backend = new KubernetesBackend(client, ns, Cluster.CANARY, Cluster.APP);
    }

    @Override
    protected String faults() {
        return "[{podKill: {count: 1}}, nodeFailure, blackhole]";
    }

    @Override
    protected void resetWorld() {
        cluster.seed();
    }

    @Override
    protected ChaosBackend backend() {
        return backend;
    }

    @Override
    protected ChaosBackend restartedBackend() {
        return new KubernetesBackend(client, ns, Cluster.CANARY, Cluster.APP);
    }

    @Override
    protected void assertNothingRunning() {
        assertThat(cluster.cordoned(cluster.nodeA())).isFalse();
        assertThat(cluster.cordoned(cluster.nodeB())).isFalse();
        assertThat(cluster.canaryReplicas()).isEqualTo(2);
        List<ConfigMap> ledgers = client.configMaps().inNamespace(ns).list().getItems();
        assertThat(ledgers).allSatisfy(l -> assertThat(l.getData()).containsEntry("state", "halted"));
    }
}
