package io.devopssim.multicloud;

import io.devopssim.core.time.SimulatedClock;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Health of clusters of four clouds, each a fabric8 CRUD mock API server, through the real client factory. */
class KubernetesClusterHealthTest {
    private static MockClusters mocks;
    private static ClusterRegistry registry;
    private static ClusterClients clients;
    private static KubernetesClusterHealth health;

    @BeforeAll
    static void startClusters() throws Exception {
        Map<String, String> clouds = new LinkedHashMap<>();
        clouds.put("do-ams3", "doks");
        clouds.put("gke-ew1", "gke");
        clouds.put("aks-we", "aks");
        clouds.put("eks-use1", "eks");
        clouds.put("onprem", "other");
        mocks = new MockClusters(clouds);
        registry = mocks.registry();
        clients = new ClusterClients(new ClusterClientFactory(Duration.ofSeconds(2)), mocks.credentials());
        health = new KubernetesClusterHealth(clients, new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z")));
    }

    @AfterAll
    static void stopClusters() {
        clients.close();
        mocks.close();
    }

    @Test
    @DisplayName("a cluster with every node Ready and its Application Synced/Healthy is healthy")
    void shouldFindAHealthyCluster() throws Exception {
        ClusterHealth h = health.check(cluster("gke-ew1"));

        assertThat(h.status()).isEqualTo(ClusterHealth.Status.HEALTHY);
        assertThat(h.nodesReady()).isEqualTo(3);
        assertThat(h.nodes()).isEqualTo(3);
        assertThat(h.applications()).containsExactly(new ClusterHealth.ApplicationHealth("checkout", "Synced", "Healthy"));
        assertThat(h.message()).isEqualTo("3/3 nodes Ready; checkout Synced/Healthy");
    }

    @Test
    @DisplayName("the cluster's token goes to its API server as a bearer token, and to no other")
    void shouldAuthenticateWithTheClustersOwnToken() throws Exception {
        drain("do-ams3");
        drain("eks-use1");

        health.check(cluster("do-ams3"));

        List<RecordedRequest> requests = drain("do-ams3");
        assertThat(requests).isNotEmpty().allSatisfy(r ->
                assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + mocks.token("do-ams3")));
        assertThat(drain("eks-use1")).as("nothing sent to another cluster").isEmpty();
    }

    @Test
    void shouldBeUnhealthyWhenANodeIsNotReady() throws Exception {
        mocks.setNodeReady("aks-we", "aks-we-node-2", false);
        try {
            ClusterHealth h = health.check(cluster("aks-we"));

            assertThat(h.status()).isEqualTo(ClusterHealth.Status.UNHEALTHY);
            assertThat(h.message()).isEqualTo("2/3 nodes Ready (not Ready: aks-we-node-2); checkout Synced/Healthy");
        } finally {
            mocks.setNodeReady("aks-we", "aks-we-node-2", true);
        }
        assertThat(health.check(cluster("aks-we")).healthy()).as("and healthy again once it is Ready").isTrue();
    }

    @Test
    void shouldBeUnhealthyWhenTheApplicationIsDegraded() throws Exception {
        mocks.setApplicationHealth("eks-use1", "Degraded");
        try {
            ClusterHealth h = health.check(cluster("eks-use1"));

            assertThat(h.status()).isEqualTo(ClusterHealth.Status.UNHEALTHY);
            assertThat(h.message()).isEqualTo("3/3 nodes Ready; checkout Synced/Degraded");
        } finally {
            mocks.setApplicationHealth("eks-use1", "Healthy");
        }
    }

    @Test
    @DisplayName("an API server that is gone is UNREACHABLE within the request timeout, not waited on")
    void shouldReportAnUnreachableApiServer() throws Exception {
        mocks.stop("onprem");
        long started = System.nanoTime();

        ClusterHealth h = health.check(cluster("onprem"));

        assertThat(h.status()).isEqualTo(ClusterHealth.Status.UNREACHABLE);
        assertThat(h.message()).startsWith("API server did not answer");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(5);
    }

    @Test
    @DisplayName("a cluster whose credential is missing is unreachable, and the message names the id only")
    void shouldReportAMissingCredential() throws Exception {
        Cluster noToken = new Cluster("do-nyc1", Cloud.DOKS, "nyc1", Map.of(), cluster("do-ams3").apiEndpoint(), null,
                new ClusterAuth.Token("do-nyc1-token"), ArgoCdTarget.NONE, "clusters/do-nyc1");

        ClusterHealth h = health.check(noToken);

        assertThat(h.status()).isEqualTo(ClusterHealth.Status.UNREACHABLE);
        assertThat(h.message()).isEqualTo("no credential: no credential token from credential do-nyc1-token");
    }

    @Test
    @DisplayName("no token appears in a health message, a credential's toString or a client's configuration string")
    void shouldNeverPrintAToken() throws Exception {
        List<String> printed = new ArrayList<>();
        for (Cluster c : registry.clusters()) {
            printed.add(health.check(c).toString());
            printed.add(mocks.credentials().resolve(c.auth()).toString());
            printed.add(c.toString());
        }
        printed.add(registry.toString());

        for (String secret : mocks.secrets()) {
            assertThat(printed).noneMatch(p -> p.contains(secret));
        }
        assertThat(mocks.credentials().resolve(cluster("gke-ew1").auth()).toString()).isEqualTo("Token[redacted]");
    }

    @Test
    @DisplayName("a kubeconfig context brings its own server and user; a context the kubeconfig lacks is refused")
    void shouldConnectThroughAKubeconfigContext(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path kubeconfig = dir.resolve("config");
        java.nio.file.Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: gke
                    cluster: {server: "http://127.0.0.1:%d"}
                users:
                  - name: ci
                    user: {token: "%s"}
                contexts:
                  - name: gke_acme_europe-west1_prod
                    context: {cluster: gke, user: ci}
                current-context: gke_acme_europe-west1_prod
                """.formatted(mocks.server("gke-ew1").getPort(), mocks.token("gke-ew1")));
        Cluster viaContext = new Cluster("gke-ew1", Cloud.GKE, "europe-west1", Map.of(), null, null,
                new ClusterAuth.KubeconfigContext("gke_acme_europe-west1_prod"), cluster("gke-ew1").argoCd(), "clusters/gke-ew1");
        Cluster unknown = new Cluster("gke-ew2", Cloud.GKE, "europe-west2", Map.of(), null, null,
                new ClusterAuth.KubeconfigContext("gke_acme_europe-west2_prod"), ArgoCdTarget.NONE, "clusters/gke-ew2");
        drain("gke-ew1");
        try (ClusterClients own = new ClusterClients(new ClusterClientFactory(Duration.ofSeconds(2), kubeconfig),
                CredentialResolver.KUBECONFIG_ONLY)) {
            KubernetesClusterHealth kube = new KubernetesClusterHealth(own, new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z")));

            assertThat(kube.check(viaContext).status()).isEqualTo(ClusterHealth.Status.HEALTHY);
            assertThat(drain("gke-ew1")).isNotEmpty().allSatisfy(r ->
                    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + mocks.token("gke-ew1")));
            ClusterHealth refused = kube.check(unknown);
            assertThat(refused.status()).isEqualTo(ClusterHealth.Status.UNREACHABLE);
            assertThat(refused.message()).isEqualTo("cannot make a client: the kubeconfig at " + kubeconfig
                    + " has no context gke_acme_europe-west2_prod").doesNotContain(mocks.token("gke-ew1"));
        }
    }

    private static Cluster cluster(String name) {
        return registry.find(name).orElseThrow();
    }

    private static List<RecordedRequest> drain(String cluster) throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest r;
        while ((r = mocks.server(cluster).takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            requests.add(r);
        }
        return requests;
    }
}
