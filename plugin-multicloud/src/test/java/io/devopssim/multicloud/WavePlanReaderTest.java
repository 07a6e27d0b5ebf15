package io.devopssim.multicloud;

import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.spec.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavePlanReaderTest {
    static final String PLAN = """
            app: checkout
            image: ghcr.io/acme/checkout:1.5.0
            gitops:
              repo: https://git.example.com/platform/environments.git
              file: apps/checkout/values.yaml
              helm: image.tag
            traffic: {file: global/checkout-traffic.yaml, helm: weights}
            replicas: {helm: replicaCount, requestsPerReplica: 25, min: 2, max: 40}
            failover: shift
            healthInterval: 20s
            analysis:
              metrics:
                - {metric: error_rate, max: 0.02, maxRatio: 2.0}
            waves:
              - name: canary
                clusters: [do-ams3]
                steps: [{setWeight: 20}, {analysis: {window: 1m}}, {setWeight: 100}]
                soak: 5m
              - name: europe
                clusters: [gke-ew1, aks-we]
                steps: [{setWeight: 50}, {pause: 1m}, {analysis: {window: 2m}}]
                analysis:
                  metrics:
                    - {metric: latency_p99_ms, maxRatio: 1.5}
              - name: us
                clusters: [eks-use1]
                steps: [{setWeight: 10}, {analysis: {window: 1m}}]
                soak: 10m
            simulation:
              seed: 7
              requestsPerSecond: 100
              clusters:
                aks-we: {unhealthyAfter: 4m}
                eks-use1: {requestsPerSecond: 400, canaryRegression: {errorRateDelta: 0.05}}
            """;

    static ClusterRegistry registry;
    private final WavePlanReader reader = new WavePlanReader();

    @BeforeAll
    static void readRegistry() throws Exception {
        registry = new ClusterRegistryReader().read(ClusterRegistryReaderTest.FOUR_CLOUDS);
    }

    @Test
    @DisplayName("a plan reads into ordered waves with their own gate and soak, and a fleet per cluster")
    void shouldReadAPlan() throws Exception {
        WavePlan plan = reader.read(PLAN, registry);

        assertThat(plan.app()).isEqualTo("checkout");
        assertThat(plan.image().tag()).isEqualTo("1.5.0");
        assertThat(plan.failover()).isEqualTo(FailoverPolicy.SHIFT);
        assertThat(plan.healthInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(plan.traffic()).isEqualTo(new TrafficWeightsSpec("global/checkout-traffic.yaml", "weights", true));
        assertThat(plan.traffic().locator("aks-we")).isEqualTo(new ValueLocator.HelmValue("weights.aks-we"));
        assertThat(plan.replicas()).isEqualTo(new ReplicaSizing(new ValueLocator.HelmValue("replicaCount"), 25, 0.25, 2, 40));
        assertThat(plan.waves()).extracting(Wave::name).containsExactly("canary", "europe", "us");
        assertThat(plan.clusters()).containsExactly("do-ams3", "gke-ew1", "aks-we", "eks-use1");
        Wave canary = plan.waves().get(0);
        assertThat(canary.strategy()).isEqualTo(Strategy.CANARY);
        assertThat(canary.steps()).containsExactly(new StepSpec.SetWeight(20), new StepSpec.Analysis(Duration.ofMinutes(1)),
                new StepSpec.SetWeight(100));
        assertThat(canary.soak()).isEqualTo(Duration.ofMinutes(5));
        assertThat(canary.analysis().metrics()).extracting(m -> m.metric()).containsExactly("error_rate");
        Wave europe = plan.waves().get(1);
        assertThat(europe.analysis().metrics()).as("its own gate").extracting(m -> m.metric()).containsExactly("latency_p99_ms");
        assertThat(europe.soak()).isZero();
        assertThat(europe.expectedDuration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(plan.simulation().get("do-ams3").fleet().seed()).isEqualTo(7);
        assertThat(plan.simulation().get("gke-ew1").fleet().seed()).as("a seed of its own per cluster").isEqualTo(8);
        assertThat(plan.simulation().get("aks-we").unhealthyAfter()).isEqualTo(Duration.ofMinutes(4));
        assertThat(plan.simulation().get("eks-use1").fleet().requestsPerSecond()).isEqualTo(400);
        assertThat(plan.simulation().get("eks-use1").fleet().canaryRegression().errorRateDelta()).isEqualTo(0.05);
        assertThat(plan.simulation().get("eks-use1").fleet().seed()).isEqualTo(10);
    }

    @Test
    @DisplayName("a cluster's rollout promotes in the cluster's own manifest, on its fleet sized to the wave's replicas")
    void shouldMakeEachClustersRolloutSpec() throws Exception {
        WavePlan plan = reader.read(PLAN, registry);
        Cluster aks = registry.find("aks-we").orElseThrow();

        var spec = plan.rolloutFor(plan.waves().get(1), aks, 12);

        assertThat(spec.gitops().file()).isEqualTo("clusters/aks-we/apps/checkout/values.yaml");
        assertThat(spec.gitops().repoUrl()).isEqualTo("https://git.example.com/platform/environments.git");
        assertThat(spec.simulation().pods()).isEqualTo(12);
        assertThat(spec.steps()).hasSize(3);
        assertThat(spec.analysis().metrics()).extracting(m -> m.metric()).containsExactly("latency_p99_ms");
    }

    @Test
    @DisplayName("every problem of the plan at once, with the path it has in the plan")
    void shouldReportEveryProblemWithItsPlanPath() {
        String yaml = """
                app: Checkout
                image: ghcr.io/acme/checkout
                gitops: {repo: https://git.example.com/env.git, file: apps/checkout/values.yaml}
                failover: shift
                replicas: {helm: replicaCount, requestsPerReplica: 0, min: 5, max: 3}
                analysis:
                  metrics:
                    - {metric: errors, max: 0.02}
                waves:
                  - name: canary
                    clusters: [do-ams3, gke-nowhere]
                    steps: [{setWeight: 150}, {analysis: {window: 1m}}]
                  - name: canary
                    clusters: [do-ams3]
                    steps: [{pause: {}}, {analysis: {window: 1m}}]
                  - name: us
                    clusters: []
                    steps: [{setWeight: 10}]
                    soak: forever
                simulation:
                  clusters:
                    aks-we: {unhealthyAfter: 4m}
                """;

        assertThatThrownBy(() -> reader.read(yaml, registry)).isInstanceOf(InvalidSpecException.class).satisfies(e -> {
            List<String> problems = ((InvalidSpecException) e).problems().stream().map(SpecProblem::toString).toList();
            assertThat(problems).contains(
                    "app: \"Checkout\" is not a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
                    "gitops: needs exactly one of helm, yaml, kustomizeImage (where the value is)",
                    "replicas.requestsPerReplica: must be positive, got 0.0",
                    "replicas.max: must be at least min (5), got 3",
                    "failover: shift needs traffic: (the manifest that holds the clusters' traffic weights)",
                    "waves[0].clusters[1]: \"gke-nowhere\" is not in the cluster registry (known: do-ams3, gke-ew1, aks-we, eks-use1)",
                    "waves[0].steps[0].setWeight: 150 is not in 0..100",
                    "waves[1].name: \"canary\" is the name of an earlier wave",
                    "waves[1].clusters[0]: \"do-ams3\" is already in waves[0]; a cluster is in one wave",
                    "waves[2].clusters: needs at least one cluster",
                    "waves[2].soak: \"forever\" is not a duration (use 30s, 2m, 1h, 500ms or PT30S)",
                    "simulation.clusters.aks-we: is in no wave of this plan");
            assertThat(problems).anyMatch(p -> p.startsWith("image: "));
            assertThat(problems).as("the shared gate's problem once, at its own path")
                    .filteredOn(p -> p.startsWith("analysis.metrics[0].metric")).hasSize(1);
            assertThat(problems).as("a wave may wait for approval: the wave engine asks one approval per wave")
                    .noneMatch(p -> p.startsWith("waves[1].steps"));
        });
    }

    @Test
    void shouldDefaultToAbortAndNoSizing() throws Exception {
        WavePlan plan = reader.read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                gitops: {repo: https://git.example.com/env.git, file: apps/checkout/values.yaml, helm: image.tag}
                waves:
                  - name: all
                    clusters: [do-ams3, eks-use1]
                    steps: [{setWeight: 100}]
                """, registry);

        assertThat(plan.failover()).isEqualTo(FailoverPolicy.ABORT);
        assertThat(plan.traffic()).isNull();
        assertThat(plan.replicas()).isNull();
        assertThat(plan.healthInterval()).isEqualTo(WavePlan.DEFAULT_HEALTH_INTERVAL);
    }
}
