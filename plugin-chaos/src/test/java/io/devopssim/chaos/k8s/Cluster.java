package io.devopssim.chaos.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.Map;

/**
 * Given: a namespace with a canary (2 pods, on node a and b), a stable pod on node a, a DaemonSet pod on
 * node a, and the canary's Deployment at 2 replicas. Node names carry the namespace, so tests sharing a
 * mock server do not meet.
 */
public final class Cluster {
    public static final Map<String, String> CANARY = Map.of("app", "checkout", "track", "canary");
    public static final Map<String, String> APP = Map.of("app", "checkout");

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;

    public Cluster(KubernetesMockServer server, KubernetesClient client, String namespace) {
        this.server = server;
        this.client = client;
        this.namespace = namespace;
    }

    public String nodeA() {
        return namespace + "-node-a";
    }

    public String nodeB() {
        return namespace + "-node-b";
    }

    /** Creates (or puts back) every object. */
    public Cluster seed() {
        for (String node : new String[] {nodeA(), nodeB()}) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata()
                    .withNewSpec().withUnschedulable(false).endSpec().build()).createOr(n -> n.update());
        }
        pod("checkout-canary-0", CANARY, nodeA(), false);
        pod("checkout-canary-1", CANARY, nodeB(), false);
        pod("checkout-stable-0", Map.of("app", "checkout", "track", "stable"), nodeA(), false);
        pod("log-agent-a", Map.of("app", "log-agent"), nodeA(), true);
        client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName("checkout-canary").withNamespace(namespace).withLabels(CANARY).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(CANARY).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(CANARY).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("checkout:2").endContainer().endSpec()
                .endTemplate().endSpec().build()).createOr(d -> d.update());
        return this;
    }

    private void pod(String name, Map<String, String> labels, String node, boolean daemon) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("img").endContainer().endSpec();
        if (daemon) {
            pod.editMetadata().addNewOwnerReference().withKind("DaemonSet").withName("log-agent").withApiVersion("apps/v1")
                    .withUid("uid-1").endOwnerReference().endMetadata();
        }
        client.pods().inNamespace(namespace).resource(pod.build()).createOr(p -> p.update());
        // the CRUD mock has no eviction subresource: it would store the Eviction as a second pod of that
        // name (409). A real API server answers 201 and deletes the pod gracefully; here it answers 201.
        server.expect().post().withPath("/api/v1/namespaces/" + namespace + "/pods/" + name + "/eviction")
                .andReturn(201, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}").always();
    }

    /** Pods the experiment's ledger says it deleted or evicted. */
    public String ledgerKilled(String experimentId) {
        return client.configMaps().inNamespace(namespace).withName("devsim-chaos-" + experimentId).get().getData().get("killed");
    }

    public boolean cordoned(String node) {
        Node n = client.nodes().withName(node).get();
        return n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
    }

    public int canaryReplicas() {
        Deployment d = client.apps().deployments().inNamespace(namespace).withName("checkout-canary").get();
        return d.getSpec().getReplicas();
    }

    public boolean exists(String pod) {
        Pod p = client.pods().inNamespace(namespace).withName(pod).get();
        return p != null;
    }
}
