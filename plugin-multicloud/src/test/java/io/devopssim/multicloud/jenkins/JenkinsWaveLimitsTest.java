package io.devopssim.multicloud.jenkins;

import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.ClusterRegistryReader;
import io.devopssim.multicloud.WavePlan;
import io.devopssim.multicloud.WavePlanReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JenkinsWaveLimitsTest {
    private static final String REGISTRY = """
            clusters:
              - {name: do-ams3, cloud: doks, region: ams3, apiEndpoint: "https://do.k8s.example", auth: {tokenCredentialsId: t1}, envPath: clusters/do-ams3}
              - {name: gke-ew1, cloud: gke, region: europe-west1, apiEndpoint: "https://gke.k8s.example", auth: {tokenCredentialsId: t2}, envPath: clusters/gke-ew1}
            """;

    private static WavePlan plan(String secondWave) throws Exception {
        ClusterRegistry registry = new ClusterRegistryReader().read(REGISTRY);
        return new WavePlanReader().read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                gitops: {repo: "https://git.example.com/env.git", file: apps/checkout/values.yaml, helm: image.tag}
                analysis: {metrics: [{metric: error_rate, max: 0.02}]}
                waves:
                  - {name: first, clusters: [do-ams3], steps: [{setWeight: 50}, {pause: {duration: 1m}}]}
                  - %s
                """.formatted(secondWave), registry);
    }

    @Test
    @DisplayName("chaos steps in a wave are refused in Jenkins with the reason; approvals and timed pauses are not")
    void shouldRefuseWhatMultiCloudRolloutCannotDoWithTheReason() throws Exception {
        assertThat(JenkinsWaveLimits.refusals(plan("{name: second, clusters: [gke-ew1], steps: [{setWeight: 10}]}"))).isEmpty();
        assertThat(JenkinsWaveLimits.refusals(plan("{name: second, clusters: [gke-ew1], steps: [{setWeight: 10}, {pause: {}}]}")))
                .as("the build page approves a paused wave").isEmpty();
        assertThat(JenkinsWaveLimits.refusals(plan("{name: second, clusters: [gke-ew1], strategy: blueGreen,"
                + " blueGreen: {autoPromotionEnabled: false}}"))).isEmpty();

        assertThat(JenkinsWaveLimits.refusals(plan("{name: second, clusters: [gke-ew1], steps: [{setWeight: 10}, {pause: {}},"
                + " {chaos: {name: slow, faults: [{latency: {ms: 50}}], duration: 1m,"
                + " hypothesis: {probes: [{name: errors, metric: error_rate, max: 0.05}]}}}]}"))).containsExactly(
                "waves[1] (second).steps[2].chaos: chaos steps in a wave are not available in multiCloudRollout"
                        + " (devsim-multicloud has no chaos engine: it does not depend on devsim-chaos); run the experiment"
                        + " with chaosExperiment beside the wave, or the plan with devsim waves");
    }
}
