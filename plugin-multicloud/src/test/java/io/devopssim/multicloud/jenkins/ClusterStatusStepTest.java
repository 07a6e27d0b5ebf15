package io.devopssim.multicloud.jenkins;

import io.devopssim.core.testing.ManualScheduler;
import hudson.AbortException;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.devopssim.multicloud.ClusterClientFactory;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.MockClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code clusterStatus} against three mock API servers (EKS, AKS, GKE), through the controller's runtime. */
class ClusterStatusStepTest {
    private static MockClusters mocks;
    private static ClusterRegistry registry;

    @TempDir
    Path tmp;
    private ExecutorService checks;
    private GitPromoter promoter;
    private TestStepContext context;

    @BeforeAll
    static void startClusters() throws Exception {
        Map<String, String> clouds = new LinkedHashMap<>();
        clouds.put("eks-use1", "eks");
        clouds.put("aks-we", "aks");
        clouds.put("gke-ew1", "gke");
        mocks = new MockClusters(clouds);
        registry = mocks.registry();
    }

    @AfterAll
    static void stopClusters() {
        mocks.close();
    }

    @BeforeEach
    void setUp() {
        checks = Executors.newSingleThreadExecutor();
        promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp));
        context = new TestStepContext();
    }

    @AfterEach
    void tearDown() {
        checks.shutdownNow();
        promoter.close();
    }

    private ClusterStatusExecution execution(List<String> names, boolean failIfUnhealthy) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
        SimulatorWaveRuntime runtime = new SimulatorWaveRuntime(new ManualScheduler(clock), checks, clock, promoter,
                () -> registry, new TestBuilds(tmp.resolve("build")),
                new TestCredentials(mocks.credentials(), GitCredentials.ANONYMOUS), new ClusterClientFactory(Duration.ofSeconds(2)));
        return new ClusterStatusExecution(context, names, failIfUnhealthy, runtime);
    }

    @Test
    void shouldReturnTheHealthOfEveryClusterAsMaps() throws Exception {
        mocks.setApplicationHealth("aks-we", "Degraded");
        try {
            assertThat(execution(List.of(), false).start()).as("asynchronous").isFalse();

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> result = (List<Map<String, Object>>) context.outcome.get(10, TimeUnit.SECONDS);

            assertThat(result).extracting(m -> m.get("cluster")).containsExactly("eks-use1", "aks-we", "gke-ew1");
            assertThat(result.get(0)).containsEntry("cloud", "eks").containsEntry("region", "us-east-1")
                    .containsEntry("status", "HEALTHY").containsEntry("healthy", true).containsEntry("nodesReady", 3)
                    .containsEntry("nodes", 3).containsEntry("applications",
                            List.of(Map.of("name", "checkout", "sync", "Synced", "health", "Healthy")));
            assertThat(result.get(1)).containsEntry("status", "UNHEALTHY").containsEntry("healthy", false)
                    .containsEntry("message", "3/3 nodes Ready; checkout Synced/Degraded");
            assertThat(context.log()).contains("[clusterStatus] aks-we (Azure AKS, westeurope): UNHEALTHY 3/3 nodes Ready;"
                    + " checkout Synced/Degraded");
            for (String secret : mocks.secrets()) {
                assertThat(context.log()).doesNotContain(secret);
            }
        } finally {
            mocks.setApplicationHealth("aks-we", "Healthy");
        }
    }

    @Test
    void shouldFailWhenToldToAndAClusterIsUnhealthy() throws Exception {
        mocks.setNodeReady("gke-ew1", "gke-ew1-node-1", false);
        try {
            execution(List.of("gke-ew1", "eks-use1"), true).start();

            assertThatThrownBy(() -> context.outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AbortException.class).hasMessage("clusterStatus: not healthy: gke-ew1 UNHEALTHY");
        } finally {
            mocks.setNodeReady("gke-ew1", "gke-ew1-node-1", true);
        }
    }

    @Test
    void shouldRefuseAClusterThatIsNotInTheRegistryBeforeAnyRequest() {
        assertThatThrownBy(() -> execution(List.of("eks-use1", "doks-nyc1"), false).start()).isInstanceOf(AbortException.class)
                .hasMessage("clusterStatus: not in the cluster registry: doks-nyc1 (known: eks-use1, aks-we, gke-ew1)");
        assertThat(context.outcome).isNotDone();
    }
}
