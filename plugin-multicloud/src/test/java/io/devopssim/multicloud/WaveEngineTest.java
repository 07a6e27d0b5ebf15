package io.devopssim.multicloud;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.deploy.RolloutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wave engine on simulated clusters and simulated time, committing to a real repository (file://). */
class WaveEngineTest {
    static final List<String> CLUSTERS = List.of("do-ams3", "gke-ew1", "aks-we", "eks-use1");
    static final String STEPS = "[{setWeight: 20}, {analysis: {window: 1m}}, {setWeight: 50}, {analysis: {window: 1m}}]";

    @TempDir
    Path tmp;

    static String plan(String failover, String europe, String clusterSimulation) {
        return """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                gitops: {repo: "${repo}", file: apps/checkout/values.yaml, helm: image.tag}
                traffic: {file: global/checkout-traffic.yaml, helm: weights}
                replicas: {helm: replicaCount, requestsPerReplica: 25, min: 2, max: 20}
                failover: %s
                healthInterval: 30s
                analysis:
                  metrics:
                    - {metric: error_rate, max: 0.03, maxRatio: 3.0}
                waves:
                  - name: canary
                    clusters: [do-ams3]
                    steps: %s
                    soak: 2m
                  - name: europe
                    clusters: [%s]
                    steps: %s
                    soak: 3m
                simulation:
                  seed: 11
                  requestsPerSecond: 150
                  clusters: {%s}
                """.formatted(failover, STEPS, europe, STEPS, clusterSimulation);
    }

    private WaveWorld world(String name, String planYaml) throws Exception {
        EnvRepo repo = EnvRepo.local(tmp.resolve(name), EnvRepo.files(CLUSTERS, 25));
        return new WaveWorld(tmp.resolve(name), repo, GitCredentials.ANONYMOUS, WaveWorld.simulatedRegistry(CLUSTERS), planYaml);
    }

    @Test
    @DisplayName("wave by wave: each cluster sized from the forecast, promoted in its own manifest, the next wave after the soak")
    void shouldRollOutWaveByWave() throws Exception {
        try (WaveWorld w = world("happy", plan("abort", "gke-ew1, aks-we", ""))) {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(end.clusters()).extracting(ClusterRun::status).containsOnly(ClusterStatus.PROMOTED);
            for (String c : List.of("do-ams3", "gke-ew1", "aks-we")) {
                assertThat(w.repo.values(c)).contains("tag: \"1.5.0\"   # stable").contains("replicaCount: 9\n");
            }
            assertThat(w.repo.values("eks-use1")).as("not in the plan").contains("tag: \"1.4.2\"").contains("replicaCount: 4");
            assertThat(w.repo.steps()).containsExactly("seed",
                    "checkout-1.5.0/canary-do-ams3-replicas", "checkout-1.5.0.canary.do-ams3/promote",
                    "checkout-1.5.0/europe-gke-ew1-replicas", "checkout-1.5.0/europe-aks-we-replicas",
                    "checkout-1.5.0.europe.gke-ew1/promote", "checkout-1.5.0.europe.aks-we/promote");
            Instant wave1Passed = eventTime(end, WaveEvent.Kind.WAVE_PASSED, 0);
            Instant wave1Promoted = eventTime(end, WaveEvent.Kind.ROLLOUT_ENDED, 0);
            assertThat(Duration.between(wave1Promoted, wave1Passed)).as("the soak").isEqualTo(Duration.ofMinutes(2));
            assertThat(eventTime(end, WaveEvent.Kind.WAVE_STARTED, 1)).isEqualTo(wave1Passed);
            assertThat(w.lines).contains("[plan] do-ams3: helm replicaCount 4 -> 9 for a forecast peak of 176 req/s"
                    + " (daily profile around 150 req/s, peak over the next 4m) in commit "
                    + shortCommit(w, 1)).anyMatch(l -> l.startsWith("[europe aks-we] step 4/4 analysis 1m at 50%: PASSED"));
            assertThat(w.fleets.all().get("aks-we").spec().pods()).as("the fleet runs the sized replicas").isEqualTo(9);
        }
    }

    @Test
    @DisplayName("each wave runs plugin-deploy's engine for its own strategy: a canary wave, then a blue-green wave")
    void shouldRunEachWaveWithItsOwnStrategy() throws Exception {
        String planYaml = plan("abort", "gke-ew1, aks-we", "").replace("""
                  - name: europe
                    clusters: [gke-ew1, aks-we]
                    steps: %s
                """.formatted(STEPS), """
                  - name: europe
                    clusters: [gke-ew1, aks-we]
                    strategy: blueGreen
                    blueGreen: {prePromotionAnalysis: {window: 1m}, scaleDownDelaySeconds: 30}
                """);
        try (WaveWorld w = world("bluegreen", planYaml)) {
            assertThat(w.plan.waves().get(1).strategy()).isEqualTo(io.devopssim.core.spec.Strategy.BLUE_GREEN);

            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(statuses(end)).containsOnly(ClusterStatus.PROMOTED);
            assertThat(w.repo.values("aks-we")).contains("tag: \"1.5.0\"");
            assertThat(w.lines).anyMatch(l -> l.startsWith("[europe aks-we] cut-over: the active service selects 1.5.0"));
        }
    }

    @Test
    @DisplayName("a gate that fails in one cluster rolls back every cluster of its wave by commit; the earlier wave keeps the release")
    void shouldRollBackTheFailedWave() throws Exception {
        try (WaveWorld w = world("gate", plan("abort", "gke-ew1, aks-we",
                "aks-we: {canaryRegression: {errorRateDelta: 0.05}}"))) {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
            assertThat(end.outcome()).startsWith("wave europe failed: aks-we rolled back: FAILED: error_rate");
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK);
            assertThat(w.repo.values("do-ams3")).contains("tag: \"1.5.0\"");
            for (String c : List.of("gke-ew1", "aks-we")) {
                assertThat(w.repo.values(c)).as(c + " back to where it was").isEqualTo(EnvRepo.files(CLUSTERS, 25)
                        .get("clusters/" + c + "/" + EnvRepo.FILE));
            }
            assertThat(w.repo.steps()).containsSubsequence(
                    "checkout-1.5.0/europe-gke-ew1-replicas", "checkout-1.5.0/europe-aks-we-replicas",
                    "checkout-1.5.0.europe.aks-we/rollback", "checkout-1.5.0.europe.gke-ew1/rollback",
                    "checkout-1.5.0/europe-gke-ew1-revert-replicas", "checkout-1.5.0/europe-aks-we-revert-replicas");
            assertThat(w.fleets.all().get("gke-ew1").canaryWeight()).as("no canary traffic left").isZero();
            assertThat(w.lines).anyMatch(l -> l.startsWith("[plan] rolled back: wave europe rolled back in gke-ew1, aks-we;"
                    + " earlier waves keep the release in do-ams3"));
        }
    }

    @Test
    @DisplayName("an abort mid-wave stops the running rollouts and reverts what the wave committed")
    void shouldRollBackTheRunningWaveWhenAborted() throws Exception {
        try (WaveWorld w = world("abort", plan("abort", "gke-ew1, aks-we", ""))) {
            WaveEngine engine = w.engine();
            engine.start();
            WaveRunState s = engine.advance();
            while (s.wave() == 0 || s.stage() != WaveStage.ROLLING_OUT || w.fleets.all().get("aks-we").canaryWeight() == 0) {
                w.clock.advanceTo(s.waitUntil());
                s = engine.advance();
            }

            engine.abort("build #42 aborted by alice");
            WaveRunState end = engine.advance();

            assertThat(end.phase()).isEqualTo(PlanPhase.ABORTED);
            assertThat(end.outcome()).isEqualTo("aborted: build #42 aborted by alice");
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK);
            assertThat(w.fleets.all().get("aks-we").canaryWeight()).isZero();
            assertThat(w.repo.values("aks-we")).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
        }
    }

    @Test
    @DisplayName("a cluster that turns unhealthy mid-wave is skipped: its part rolled back, the wave goes on")
    void shouldSkipAClusterThatTurnsUnhealthy() throws Exception {
        // the europe wave starts at 4m (wave 1: 2m of analysis, 2m of soak); aks-we fails 1m into it
        try (WaveWorld w = world("skip", plan("skip", "gke-ew1, aks-we", "aks-we: {unhealthyAfter: 5m}"))) {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(end.outcome()).isEqualTo("every wave passed; skipped as unhealthy: aks-we");
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.PROMOTED, ClusterStatus.SKIPPED);
            assertThat(w.repo.values("aks-we")).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
            assertThat(w.repo.values("gke-ew1")).contains("tag: \"1.5.0\"");
            assertThat(w.repo.read(EnvRepo.TRAFFIC)).as("skip leaves the weights").contains("aks-we: 25");
        }
    }

    @Test
    @DisplayName("with failover shift, the unhealthy cluster's share goes to the healthy clusters of its wave in one commit")
    void shouldShiftTheTrafficOfAnUnhealthyCluster() throws Exception {
        try (WaveWorld w = world("shift", plan("shift", "gke-ew1, aks-we, eks-use1", "aks-we: {unhealthyAfter: 5m}"))) {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.PROMOTED, ClusterStatus.SKIPPED,
                    ClusterStatus.PROMOTED);
            assertThat(w.repo.read(EnvRepo.TRAFFIC)).contains("do-ams3: 25\n").contains("gke-ew1: 38\n")
                    .contains("aks-we: 0\n").contains("eks-use1: 37\n");
            assertThat(w.repo.steps()).contains("checkout-1.5.0/europe-aks-we-failover").containsOnlyOnce(
                    "checkout-1.5.0/europe-aks-we-failover");
            assertThat(end.cluster("aks-we").orElseThrow().failoverCommit()).isNotNull();
            assertThat(w.lines).anyMatch(l -> l.startsWith("[plan] shifted aks-we's traffic share 25 -> 0 to gke-ew1 25 -> 38,"
                    + " eks-use1 25 -> 37 in commit"));
            // the receivers, sized for their own load (9), are resized right after the weights for the part of aks-we's
            // load they took (13/25 and 12/25 of it), each in a commit of its own whose trailers name aks-we
            List<String> steps = w.repo.steps();
            int failover = steps.indexOf("checkout-1.5.0/europe-aks-we-failover");
            assertThat(steps.subList(failover + 1, failover + 3)).containsExactly(
                    "checkout-1.5.0/europe-gke-ew1-replicas-after-aks-we", "checkout-1.5.0/europe-eks-use1-replicas-after-aks-we");
            ClusterRun gke = end.cluster("gke-ew1").orElseThrow();
            assertThat(gke.replicas()).isEqualTo(9);
            assertThat(gke.currentReplicas()).isGreaterThan(9);
            assertThat(gke.taken().shares()).containsExactly(new TakenTraffic.Share("aks-we", 13 / 25.0));
            assertThat(w.repo.values("gke-ew1")).contains("replicaCount: " + gke.currentReplicas() + "\n");
            assertThat(w.repo.values("eks-use1")).contains("replicaCount: " + end.cluster("eks-use1").orElseThrow()
                    .currentReplicas() + "\n");
            assertThat(w.lines).anyMatch(l -> l.matches("\\[plan] gke-ew1: resized helm replicaCount 9 -> " + gke.currentReplicas()
                    + " after taking traffic of aks-we, for a forecast peak of \\d+ req/s \\(.*; plus 52% of aks-we's \\d+ req/s\\) in commit .*"));
        }
    }

    @Test
    @DisplayName("a failed wave restores by commit the traffic weights it had before its failover, when the drained cluster is healthy again")
    void shouldRestoreThePreWaveWeightsWhenTheWaveRollsBack() throws Exception {
        // aks-we is down from the moment every rollout of the europe wave started until its traffic was shifted; then
        // gke-ew1's gate fails the wave
        try (WaveWorld w = world("restore", plan("shift", "gke-ew1, aks-we, eks-use1",
                "gke-ew1: {canaryRegression: {errorRateDelta: 0.05}}"))) {
            AtomicBoolean down = new AtomicBoolean();
            ClusterHealthCheck simulated = w.health;
            w.health = c -> c.name().equals("aks-we") && down.get()
                    ? ClusterHealth.unreachable("aks-we", w.clock.now(), "API server did not answer") : simulated.check(c);
            w.onEvent = (cluster, message) -> {
                if (cluster == null && message.startsWith("rollout checkout-1.5.0.europe.eks-use1 started")) {
                    down.set(true);
                } else if (cluster == null && message.startsWith("shifted aks-we's traffic share")) {
                    down.set(false);
                }
            };
            String before = w.repo.read(EnvRepo.TRAFFIC);

            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.ROLLED_BACK, ClusterStatus.SKIPPED,
                    ClusterStatus.ROLLED_BACK);
            assertThat(w.repo.read(EnvRepo.TRAFFIC)).isEqualTo(before);
            List<String> steps = w.repo.steps();
            assertThat(steps).containsSubsequence("checkout-1.5.0/europe-aks-we-failover",
                    "checkout-1.5.0/europe-gke-ew1-replicas-after-aks-we", "checkout-1.5.0/europe-gke-ew1-revert-resize-0",
                    "checkout-1.5.0/europe-gke-ew1-revert-replicas", "checkout-1.5.0/europe-restore-weights");
            assertThat(steps.get(steps.size() - 1)).as("the weights last, once every cluster is back").isEqualTo(
                    "checkout-1.5.0/europe-restore-weights");
            for (String c : List.of("gke-ew1", "aks-we", "eks-use1")) {
                assertThat(w.repo.values(c)).contains("tag: \"1.4.2\"").contains("replicaCount: 4\n");
            }
            assertThat(end.weights().restoreCommit()).isNotNull();
            assertThat(end.outcome()).startsWith("wave europe failed: gke-ew1");
            assertThat(w.lines).anyMatch(l -> l.startsWith("[plan] traffic weights of wave europe restored to gke-ew1 25,"
                    + " aks-we 25, eks-use1 25 in commit"));
        }
    }

    @Test
    @DisplayName("with failover abort, an unhealthy cluster fails its wave: every cluster of the wave is rolled back")
    void shouldAbortTheWaveWhenAClusterTurnsUnhealthy() throws Exception {
        // unhealthy during the europe wave's soak (it starts at 4m, promotes at 6m): the promotions are reverted
        try (WaveWorld w = world("abort-policy", plan("abort", "gke-ew1, aks-we", "aks-we: {unhealthyAfter: 7m}"))) {
            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
            assertThat(end.outcome()).startsWith("wave europe: aks-we unhealthy (simulated outage");
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK);
            assertThat(w.repo.steps()).containsSubsequence("checkout-1.5.0.europe.gke-ew1/promote",
                    "checkout-1.5.0.europe.aks-we/promote", "checkout-1.5.0/europe-gke-ew1-revert-promotion",
                    "checkout-1.5.0/europe-gke-ew1-revert-replicas", "checkout-1.5.0/europe-aks-we-revert-promotion",
                    "checkout-1.5.0/europe-aks-we-revert-replicas");
            for (String c : List.of("gke-ew1", "aks-we")) {
                assertThat(w.repo.values(c)).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
            }
        }
    }

    @Test
    @DisplayName("stopped after every transition of the plan that acted and resumed, it ends as an uninterrupted run, with no commit made twice")
    void shouldEndAsAnUninterruptedRunWhenStoppedAtEveryTransition() throws Exception {
        // every kind of side effect in one short plan: sizing, a promotion, the next wave, aks-we failing over by
        // shift during the europe wave (it starts at 30s; aks-we fails at 1m), then gke-ew1's gate failing: the wave
        // rolls back by commit
        String planYaml = """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                gitops: {repo: "${repo}", file: apps/checkout/values.yaml, helm: image.tag}
                traffic: {file: global/checkout-traffic.yaml, helm: weights}
                replicas: {helm: replicaCount, requestsPerReplica: 25}
                failover: shift
                analysis:
                  metrics: [{metric: error_rate, max: 0.03, maxRatio: 3.0}]
                waves:
                  - {name: canary, clusters: [do-ams3], steps: [{setWeight: 100}], soak: 30s}
                  - {name: europe, clusters: [gke-ew1, aks-we], steps: [{setWeight: 50}, {analysis: {window: 1m}}], soak: 1m}
                simulation:
                  clusters:
                    aks-we: {unhealthyAfter: 1m}
                    gke-ew1: {canaryRegression: {errorRateDelta: 0.05}}
                """;
        WaveRunState expected;
        List<String> expectedSteps;
        String expectedTraffic;
        List<Integer> crashPoints;
        try (WaveWorld reference = world("reference", planYaml)) {
            Crashes counting = new Crashes(Integer.MAX_VALUE);
            expected = SimulatedWaves.toEnd(reference.engine(counting.rollouts(new InMemoryStateStore()),
                    counting.plans(new InMemoryWaveStateStore())), reference.clock);
            expectedSteps = reference.repo.steps();
            expectedTraffic = reference.repo.read(EnvRepo.TRAFFIC);
            crashPoints = counting.acted;
        }
        assertThat(expected.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
        assertThat(statuses(expected)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.ROLLED_BACK, ClusterStatus.SKIPPED);
        assertThat(expectedSteps).contains("checkout-1.5.0/europe-aks-we-failover", "checkout-1.5.0/europe-gke-ew1-replicas-after-aks-we",
                "checkout-1.5.0/europe-gke-ew1-revert-resize-0", "checkout-1.5.0/europe-gke-ew1-revert-replicas",
                "checkout-1.5.0/europe-restore-weights");
        // aks-we is still down when the wave rolls back: it stays at 0, its share before the wave goes to gke-ew1
        assertThat(expectedTraffic).contains("gke-ew1: 50\n").contains("aks-we: 0\n");
        assertThat(expected.events()).anyMatch(e -> e.message().startsWith("traffic weights of wave europe restored to"
                + " gke-ew1 50, aks-we 0; still unhealthy, kept at 0 (share before the wave spread over the others): aks-we (was 25)"));
        assertThat(crashPoints).hasSizeGreaterThan(12);

        for (int crashAt : crashPoints) {
            try (WaveWorld w = world("crash-" + crashAt, planYaml)) {
                Crashes crashes = new Crashes(crashAt);
                StateStore rollouts = new InMemoryStateStore();
                WaveStateStore plans = new InMemoryWaveStateStore();
                WaveRunState end;
                try {
                    end = SimulatedWaves.toEnd(w.engine(crashes.rollouts(rollouts), crashes.plans(plans)), w.clock);
                } catch (Crash c) {
                    end = SimulatedWaves.toEnd(w.engine(rollouts, plans), w.clock); // a new controller, the same clusters
                }
                assertThat(end.phase()).as("crash at save %d", crashAt).isEqualTo(expected.phase());
                assertThat(statuses(end)).as("crash at save %d", crashAt).isEqualTo(statuses(expected));
                assertThat(w.repo.steps()).as("crash at save %d", crashAt).isEqualTo(expectedSteps);
                assertThat(w.repo.read(EnvRepo.TRAFFIC)).isEqualTo(expectedTraffic);
                assertThat(w.fleets.all().values()).allSatisfy(f -> assertThat(f.canaryWeight()).isZero());
            }
        }
    }

    @Test
    @DisplayName("a wave whose rollouts pause until approved waits for one approval, then all its clusters go on")
    void shouldWaitForOneApprovalPerWave() throws Exception {
        String steps = "[{setWeight: 20}, {pause: {}}, {analysis: {window: 1m}}]";
        String yaml = plan("abort", "gke-ew1, aks-we", "").replace("steps: " + STEPS + "\n    soak: 3m",
                "steps: " + steps + "\n    soak: 3m");
        try (WaveWorld w = world("approve", yaml)) {
            WaveRunState paused = w.run();

            assertThat(paused.phase()).isEqualTo(PlanPhase.PAUSED);
            assertThat(paused.wave()).isEqualTo(1);
            assertThat(w.lines).contains("[plan] wave europe waits for approval: gke-ew1 at step 2, aks-we at step 2 paused"
                    + " until approved; one approval lets them all go on");
            assertThat(w.repo.steps()).doesNotContain("checkout-1.5.0.europe.gke-ew1/promote");
            assertThat(w.engine().advance().phase()).as("nothing goes on without the approval").isEqualTo(PlanPhase.PAUSED);

            WaveEngine engine = w.engine();
            assertThat(engine.approve("alice").phase()).isEqualTo(PlanPhase.RUNNING);
            assertThatThrownBy(() -> engine.approve("bob")).isInstanceOf(RolloutException.class)
                    .hasMessage("plan checkout-1.5.0 is not waiting for approval (it is running)");
            WaveRunState end = SimulatedWaves.toEnd(engine, w.clock);

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            assertThat(w.lines).contains("[plan] wave europe approved by alice: gke-ew1, aks-we go on");
            assertThat(w.repo.steps()).contains("checkout-1.5.0.europe.gke-ew1/promote", "checkout-1.5.0.europe.aks-we/promote");
        }
    }

    @Test
    @DisplayName("a wave paused for approval can be aborted instead: its paused rollouts are rolled back by commit")
    void shouldRollBackAPausedWaveWhenAborted() throws Exception {
        String yaml = plan("abort", "gke-ew1, aks-we", "").replace("steps: " + STEPS + "\n    soak: 3m",
                "steps: [{setWeight: 20}, {pause: {}}, {analysis: {window: 1m}}]\n    soak: 3m");
        try (WaveWorld w = world("abort-paused", yaml)) {
            assertThat(w.run().phase()).isEqualTo(PlanPhase.PAUSED);

            WaveEngine engine = w.engine();
            engine.abort("not today");
            WaveRunState end = SimulatedWaves.toEnd(engine, w.clock);

            assertThat(end.phase()).isEqualTo(PlanPhase.ABORTED);
            assertThat(statuses(end)).containsExactly(ClusterStatus.PROMOTED, ClusterStatus.ROLLED_BACK, ClusterStatus.ROLLED_BACK);
            assertThat(w.repo.steps()).contains("checkout-1.5.0/europe-gke-ew1-revert-replicas",
                    "checkout-1.5.0/europe-aks-we-revert-replicas").doesNotContain("checkout-1.5.0.europe.gke-ew1/promote");
            assertThat(w.fleets.all().get("gke-ew1").canaryWeight()).as("no canary traffic left").isZero();
        }
    }

    @Test
    @DisplayName("a chaos step the runtime has no chaos engine for is refused before the plan commits anything")
    void shouldRefuseChaosStepsWithoutAChaosEngineBeforeAnyCommit() throws Exception {
        String yaml = plan("abort", "gke-ew1", "").replace("steps: " + STEPS + "\n    soak: 3m",
                "steps: [{setWeight: 20}, {chaos: {name: slow, faults: [{latency: {ms: 50}}], duration: 1m}}]\n    soak: 3m");
        try (WaveWorld w = world("no-chaos", yaml)) {
            assertThatThrownBy(() -> w.engine().start()).isInstanceOf(RolloutException.class)
                    .hasMessageContaining("cannot start: cannot run the chaos steps in gke-ew1:")
                    .hasMessageContaining("waves[1].steps[1].chaos: chaos steps need the chaos engine (plugin-chaos)");
            assertThat(w.repo.steps()).containsExactly("seed");
        }
    }

    @Test
    void shouldRefuseToResumeAPlanIdWithAnotherPlan() throws Exception {
        try (WaveWorld w = world("other", plan("abort", "gke-ew1", ""))) {
            InMemoryStateStore rollouts = new InMemoryStateStore();
            InMemoryWaveStateStore plans = new InMemoryWaveStateStore();
            w.engine(rollouts, plans).start();
            try (WaveWorld other = new WaveWorld(tmp.resolve("other2"), w.repo, GitCredentials.ANONYMOUS, w.registry,
                    plan("skip", "gke-ew1", ""))) {
                assertThatThrownBy(() -> other.engine(rollouts, plans).start()).isInstanceOf(RolloutException.class)
                        .hasMessage("plan checkout-1.5.0 was started with a different plan; use a new id to run this one");
            }
        }
    }

    @Test
    @DisplayName("failover by shift refuses to start, before any commit, when a cluster has no weight in the traffic file")
    void shouldRefuseToStartWithoutEveryWeight() throws Exception {
        EnvRepo repo = EnvRepo.local(tmp.resolve("noweight"), EnvRepo.files(List.of("do-ams3", "gke-ew1"), 50));
        try (WaveWorld w = new WaveWorld(tmp.resolve("noweight"), repo, GitCredentials.ANONYMOUS,
                WaveWorld.simulatedRegistry(CLUSTERS), plan("shift", "gke-ew1, aks-we", ""))) {
            assertThatThrownBy(() -> w.engine().start()).isInstanceOf(RolloutException.class)
                    .hasMessageContaining("cannot start: the traffic weights cannot be read")
                    .hasMessageContaining("aks-we");
            assertThat(repo.steps()).containsExactly("seed");
        }
    }

    private static List<ClusterStatus> statuses(WaveRunState s) {
        return s.clusters().stream().map(ClusterRun::status).toList();
    }

    private static Instant eventTime(WaveRunState s, WaveEvent.Kind kind, int wave) {
        return s.events().stream().filter(e -> e.kind() == kind && e.wave() == wave).findFirst().orElseThrow().time();
    }

    private static String shortCommit(WaveWorld w, int index) throws IOException {
        return w.repo.trailers().size() > index ? commitId(w, index) : "?";
    }

    private static String commitId(WaveWorld w, int index) throws IOException {
        return w.repo.commitIds().get(index).substring(0, 8);
    }

    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The controller dies at the n-th save of the plan's state: the transition's side effect (a commit, a rollout
     * started, advanced or aborted, the next wave) has happened, its record has not. The saves that record such an
     * act are the crash points (a save that only records a wait or a stage is recomputed on resume anyway; a run
     * per save would triple the test's time for them). The clusters' rollouts save on their own, and plugin-deploy's
     * engine tests stop those at every one of their transitions.
     */
    private static final class Crashes {
        private static final java.util.Set<WaveEvent.Kind> ACTS = java.util.EnumSet.of(WaveEvent.Kind.STARTED,
                WaveEvent.Kind.SIZED, WaveEvent.Kind.ROLLOUT_STARTED, WaveEvent.Kind.ROLLOUT_ENDED, WaveEvent.Kind.FAILOVER,
                WaveEvent.Kind.REVERTED, WaveEvent.Kind.SKIPPED, WaveEvent.Kind.ROLLED_BACK, WaveEvent.Kind.WAVE_PASSED,
                WaveEvent.Kind.WAVE_FAILED);
        private final int crashAt;
        private int saves;
        private int events;
        /** The saves that recorded an act, 1-based. */
        final List<Integer> acted = new java.util.ArrayList<>();

        Crashes(int crashAt) {
            this.crashAt = crashAt;
        }

        private void tick() {
            if (++saves == crashAt) {
                throw new Crash();
            }
        }

        private void note(WaveRunState state) {
            boolean act = state.events().subList(events, state.events().size()).stream().anyMatch(e -> ACTS.contains(e.kind()));
            events = state.events().size();
            if (act) {
                acted.add(saves);
            }
        }

        StateStore rollouts(StateStore durable) {
            return new StateStore() {
                @Override
                public void save(RolloutState state) throws IOException {
                    durable.save(state);
                }

                @Override
                public Optional<RolloutState> load(String rolloutId) throws IOException {
                    return durable.load(rolloutId);
                }
            };
        }

        WaveStateStore plans(WaveStateStore durable) {
            return new WaveStateStore() {
                @Override
                public void save(WaveRunState state) throws IOException {
                    tick();
                    note(state);
                    durable.save(state);
                }

                @Override
                public Optional<WaveRunState> load(String planId) throws IOException {
                    return durable.load(planId);
                }
            };
        }
    }
}
