package io.devopssim.multicloud;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.testing.GitHttpTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster failing mid-wave, under each failover policy, with the real health check against four fabric8 mock
 * API servers (DOKS, GKE, AKS, EKS) authenticated by bearer tokens, and the real Git server over HTTP with a
 * password. The clusters break as real ones do: a node NotReady, the Application Degraded, the API server gone.
 * No token and no password may appear in any log line, outcome or saved state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaveFailoverTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "git-Pa55word-" + System.nanoTime();
    private static final List<String> CLUSTERS = List.of("do-ams3", "gke-ew1", "aks-we", "eks-use1");
    private static final String PLAN = """
            app: checkout
            image: ghcr.io/acme/checkout:1.5.0
            gitops: {repo: "${repo}", file: apps/checkout/values.yaml, helm: image.tag}
            traffic: {file: global/checkout-traffic.yaml, helm: weights}
            replicas: {helm: replicaCount, requestsPerReplica: 25, min: 2, max: 20}
            failover: %s
            healthInterval: 30s
            analysis:
              metrics: [{metric: error_rate, max: 0.03, maxRatio: 3.0}]
            waves:
              - name: canary
                clusters: [do-ams3]
                steps: [{setWeight: 50}, {analysis: {window: 1m}}]
                soak: 1m
              - name: europe
                clusters: [gke-ew1, aks-we, eks-use1]
                steps: [{setWeight: 20}, {analysis: {window: 1m}}, {setWeight: 50}, {analysis: {window: 1m}}]
                soak: 2m
            """;

    private static GitHttpTestServer git;
    private static MockClusters mocks;
    private static ClusterRegistry registry;

    @TempDir
    Path tmp;
    private ClusterClients clients;
    private WaveWorld world;

    @BeforeAll
    static void startServers() throws Exception {
        git = new GitHttpTestServer(USER, PASSWORD);
        Map<String, String> clouds = new LinkedHashMap<>();
        clouds.put("do-ams3", "doks");
        clouds.put("gke-ew1", "gke");
        clouds.put("aks-we", "aks");
        clouds.put("eks-use1", "eks");
        mocks = new MockClusters(clouds);
        registry = mocks.registry();
    }

    @AfterAll
    static void stopServers() {
        mocks.close();
        git.close();
    }

    private String repoName;
    private EnvRepo repo;

    /** A repository of its own per test, on the one Git server. */
    @BeforeEach
    void newRepository(TestInfo test) throws Exception {
        repoName = test.getTestMethod().orElseThrow().getName();
        repo = EnvRepo.served(git, repoName, EnvRepo.files(CLUSTERS, 25));
        clients = new ClusterClients(new ClusterClientFactory(Duration.ofSeconds(2)), mocks.credentials());
    }

    @AfterEach
    void close() {
        clients.close();
        if (world != null) {
            world.close();
        }
    }

    private WaveWorld world(String failover) throws Exception {
        world = new WaveWorld(tmp, repo, new GitCredentials(USER, PASSWORD.toCharArray()), registry, PLAN.formatted(failover));
        world.health = new KubernetesClusterHealth(clients, world.clock);
        return world;
    }

    /** Runs {@code fault} once, when gke-ew1's rollout starts its first analysis in the europe wave. */
    private static void midWave(WaveWorld w, Runnable fault) {
        AtomicBoolean done = new AtomicBoolean();
        w.onEvent = (cluster, message) -> {
            if ("gke-ew1".equals(cluster) && message.startsWith("step 2/4 analysis") && done.compareAndSet(false, true)) {
                fault.run();
            }
        };
    }

    @Test
    @Order(1)
    @DisplayName("skip: a node of aks-we goes NotReady mid-wave; aks-we is rolled back by commit and the wave passes without it")
    void shouldSkipAClusterWhoseNodeGoesNotReady() throws Exception {
        WaveWorld w = world("skip");
        midWave(w, () -> mocks.setNodeReady("aks-we", "aks-we-node-2", false));
        try {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(end.cluster("aks-we").orElseThrow().status()).isEqualTo(ClusterStatus.SKIPPED);
            assertThat(end.cluster("aks-we").orElseThrow().note()).isEqualTo("2/3 nodes Ready (not Ready: aks-we-node-2);"
                    + " checkout Synced/Healthy");
            assertThat(end.clusters()).filteredOn(c -> !c.cluster().equals("aks-we")).extracting(ClusterRun::status)
                    .containsOnly(ClusterStatus.PROMOTED);
            assertThat(repo.values("aks-we")).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
            assertThat(repo.values("eks-use1")).contains("tag: \"1.5.0\"");
            assertThat(repo.steps()).containsSubsequence("checkout-1.5.0.europe.aks-we/rollback",
                    "checkout-1.5.0/europe-aks-we-revert-replicas");
            assertThat(w.lines).contains("[plan] aks-we UNHEALTHY: 2/3 nodes Ready (not Ready: aks-we-node-2); checkout Synced/Healthy");
        } finally {
            mocks.setNodeReady("aks-we", "aks-we-node-2", true);
        }
        assertNoSecretPrinted(w);
    }

    @Test
    @Order(2)
    @DisplayName("shift: the Application in aks-we turns Degraded mid-wave; its traffic share moves to gke-ew1 and eks-use1 in one commit")
    void shouldShiftTheShareOfAClusterWhoseApplicationDegrades() throws Exception {
        WaveWorld w = world("shift");
        midWave(w, () -> mocks.setApplicationHealth("aks-we", "Degraded"));
        try {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(end.cluster("aks-we").orElseThrow().status()).isEqualTo(ClusterStatus.SKIPPED);
            assertThat(repo.read(EnvRepo.TRAFFIC)).contains("do-ams3: 25\n").contains("gke-ew1: 38\n")
                    .contains("aks-we: 0\n").contains("eks-use1: 37\n");
            List<String> steps = repo.steps();
            assertThat(steps).containsSubsequence("checkout-1.5.0/europe-aks-we-failover", "checkout-1.5.0.europe.aks-we/rollback",
                    "checkout-1.5.0/europe-aks-we-revert-replicas");
            assertThat(git.history(repoName, "main").stream()
                    .filter(c -> c.getFullMessage().contains("Step: europe-aks-we-failover")).findFirst().orElseThrow()
                    .getShortMessage()).isEqualTo("Fail over checkout from aks-we: its traffic share 25 to gke-ew1, eks-use1");
        } finally {
            mocks.setApplicationHealth("aks-we", "Healthy");
        }
        assertNoSecretPrinted(w);
    }

    @Test
    @Order(3)
    @DisplayName("Argo CD: a cluster counts as promoted once its Application is Synced and Healthy at its promotion commit;"
            + " one whose Argo CD never deploys it fails the wave")
    void shouldWaitForEachClustersArgoCdAndFailTheWaveOfOneThatNeverSyncs() throws Exception {
        WaveWorld w = world("abort");
        w.verifiers = ClusterArgoCdSync.verifiers(clients, Duration.ofMinutes(2), w.clock);
        // Argo CD syncs a little after each promotion commit, except in eks-use1, where it is stuck
        w.onEvent = (cluster, message) -> {
            if (cluster != null && !cluster.equals("eks-use1") && message.contains("waiting for the deployment to be synced")) {
                mocks.syncArgoCd(repo, List.of(cluster));
            }
        };

        WaveRunState end = w.run();

        assertThat(end.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("wave europe failed: eks-use1 rolled back: deployment failed after promotion:"
                + " eks-use1: timed out after PT2M waiting for checkout to be Synced and Healthy at");
        assertThat(end.clusters()).extracting(ClusterRun::status).containsExactly(ClusterStatus.PROMOTED,
                ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK);
        String doPromotion = end.cluster("do-ams3").orElseThrow().promotionCommit();
        assertThat(w.lines).contains("[canary do-ams3] promoted: do-ams3: checkout is Synced and Healthy at "
                + doPromotion.substring(0, 12));
        int synced = w.lines.indexOf("[canary do-ams3] promoted: do-ams3: checkout is Synced and Healthy at "
                + doPromotion.substring(0, 12));
        int nextWave = w.lines.indexOf(w.lines.stream().filter(l -> l.startsWith("[plan] wave 2/2 europe")).findFirst().orElseThrow());
        assertThat(synced).as("the next wave waits for Argo CD").isLessThan(nextWave);
        assertThat(repo.steps()).contains("checkout-1.5.0.europe.eks-use1/revert-promotion", "checkout-1.5.0/europe-gke-ew1-revert-promotion");
        for (String c : List.of("gke-ew1", "aks-we", "eks-use1")) {
            assertThat(repo.values(c)).as(c).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
        }
        assertNoSecretPrinted(w);
    }

    @Test
    @Order(4)
    @DisplayName("abort: eks-use1's API server goes away during the soak; every cluster of the wave is reverted by commit")
    void shouldRollBackTheWaveWhenAnApiServerGoesAway() throws Exception {
        // last in this class: the API server does not come back
        WaveWorld w = world("abort");
        AtomicBoolean done = new AtomicBoolean();
        w.onEvent = (cluster, message) -> {
            if (cluster == null && message.startsWith("wave europe: promoted in") && done.compareAndSet(false, true)) {
                mocks.stop("eks-use1");
            }
        };

        WaveRunState end = w.run();

        assertThat(end.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("wave europe: eks-use1 unhealthy (API server did not answer");
        assertThat(end.clusters()).extracting(ClusterRun::status).containsExactly(ClusterStatus.PROMOTED,
                ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK);
        for (String c : List.of("gke-ew1", "aks-we", "eks-use1")) {
            assertThat(repo.values(c)).as(c).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
            assertThat(repo.steps()).contains("checkout-1.5.0/europe-" + c + "-revert-promotion",
                    "checkout-1.5.0/europe-" + c + "-revert-replicas");
        }
        assertThat(repo.values("do-ams3")).as("the earlier wave keeps the release").contains("tag: \"1.5.0\"");
        assertNoSecretPrinted(w);
    }

    /** Neither the Git password nor any cluster token in log lines, outcomes, events or any saved state file. */
    private void assertNoSecretPrinted(WaveWorld w) throws Exception {
        List<String> printed = new ArrayList<>(w.lines);
        try (Stream<Path> files = Files.walk(w.stateDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                printed.add(Files.readString(f));
            }
        }
        assertThat(printed).as("state files and log lines were written").hasSizeGreaterThan(10);
        List<String> secrets = new ArrayList<>(mocks.secrets());
        secrets.add(PASSWORD);
        for (String secret : secrets) {
            assertThat(printed).noneMatch(p -> p.contains(secret));
        }
        assertThat(w.git.toString()).isEqualTo(USER + ":****");
    }
}
