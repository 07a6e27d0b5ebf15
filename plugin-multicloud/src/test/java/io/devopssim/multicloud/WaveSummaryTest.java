package io.devopssim.multicloud;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaveSummaryTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private static ClusterRegistry registry;

    @BeforeAll
    static void readRegistry() throws Exception {
        registry = new ClusterRegistryReader().read(ClusterRegistryReaderTest.FOUR_CLOUDS);
    }

    @Test
    void shouldShowOneRowPerClusterAndWaveWithItsCommits() {
        WaveRunState state = state(PlanPhase.ROLLED_BACK, "wave europe failed: aks-we rolled back: FAILED: error_rate",
                run(0, "canary", "do-ams3", ClusterStatus.PROMOTED, 9, "1111111111aa", "2222222222bb", null, List.of(),
                        "HEALTHY", "promoted: values.yaml helm image.tag 1.4.2 -> 1.5.0"),
                run(1, "europe", "gke-ew1", ClusterStatus.ROLLED_BACK, 8, "3333333333cc", null, null, List.of("4444444444dd"),
                        "HEALTHY", null),
                run(1, "europe", "aks-we", ClusterStatus.SKIPPED, 8, "5555555555ee", null, "6666666666ff",
                        List.of("7777777777aa"), "UNREACHABLE", "API server did not answer"),
                ClusterRun.pending(2, "us", cluster("eks-use1"), "p.us.eks-use1"));

        WaveSummary summary = WaveSummary.of(state);

        assertThat(summary.phase()).isEqualTo("rolled back");
        assertThat(summary.outcome()).startsWith("wave europe failed");
        assertThat(summary.rows()).containsExactly(
                new WaveSummary.Row(1, "canary", "do-ams3", "DigitalOcean DOKS", "ams3", "promoted", "ok", "9", "healthy",
                        "sized 11111111; promoted 22222222", "promoted: values.yaml helm image.tag 1.4.2 -> 1.5.0"),
                new WaveSummary.Row(2, "europe", "gke-ew1", "Google GKE", "europe-west1", "rolled back", "bad", "8", "healthy",
                        "sized 33333333; reverted in 44444444", ""),
                new WaveSummary.Row(2, "europe", "aks-we", "Azure AKS", "westeurope", "skipped (unhealthy)", "bad", "8",
                        "unreachable", "sized 55555555; traffic shifted 66666666; reverted in 77777777", "API server did not answer"),
                new WaveSummary.Row(3, "us", "eks-use1", "Amazon EKS", "us-east-1", "not started", "idle", "", "", "", ""));
        assertThat(summary.table()).isEqualTo("""
                wave      cluster   cloud              region        status               replicas  health       commits
                1 canary  do-ams3   DigitalOcean DOKS  ams3          promoted             9         healthy      sized 11111111; promoted 22222222
                2 europe  gke-ew1   Google GKE         europe-west1  rolled back          8         healthy      sized 33333333; reverted in 44444444
                2 europe  aks-we    Azure AKS          westeurope    skipped (unhealthy)  8         unreachable  sized 55555555; traffic shifted 66666666; reverted in 77777777
                3 us      eks-use1  Amazon EKS         us-east-1     not started
                """);
    }

    @Test
    void shouldShowAClusterOfAWaveStillToComeAsWaiting() {
        WaveRunState state = state(PlanPhase.RUNNING, null,
                ClusterRun.pending(0, "canary", cluster("do-ams3"), "p.canary.do-ams3").started(),
                ClusterRun.pending(1, "europe", cluster("gke-ew1"), "p.europe.gke-ew1"));

        WaveSummary summary = WaveSummary.of(state);

        assertThat(summary.rows()).extracting(WaveSummary.Row::status).containsExactly("rolling out", "waiting for its wave");
        assertThat(summary.rows()).extracting(WaveSummary.Row::tone).containsExactly("busy", "busy");
        assertThat(summary.outcome()).isEmpty();
    }

    private static Cluster cluster(String name) {
        return registry.find(name).orElseThrow();
    }

    private static ClusterRun run(int wave, String waveName, String name, ClusterStatus status, Integer replicas,
                                  String sized, String promoted, String failover, List<String> reverts, String health, String note) {
        Cluster c = cluster(name);
        return new ClusterRun(wave, waveName, name, c.cloud().displayName(), c.region(), status, "p." + waveName + "." + name,
                true, replicas, sized, promoted, failover, reverts, health, note, null);
    }

    private static WaveRunState state(PlanPhase phase, String outcome, ClusterRun... clusters) {
        return new WaveRunState("checkout-1.5.0", "d", phase, 1, WaveStage.ROLLING_OUT, List.of(clusters), T, T, null, T, 0,
                false, outcome, List.of(), null);
    }
}
