package io.devopssim.multicloud.jenkins;

import io.devopssim.deploy.jenkins.DecisionAnswer;
import io.devopssim.deploy.jenkins.JobApprovalPermissions;
import io.devopssim.core.testing.ManualScheduler;
import io.devopssim.core.time.Scheduler;
import hudson.AbortException;
import io.devopssim.core.forecast.SameTimeYesterday;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.devopssim.deploy.jenkins.ForecasterProvider;
import io.devopssim.deploy.jenkins.ForecasterProviders;
import io.devopssim.multicloud.ClusterClientFactory;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.ClusterStatus;
import io.devopssim.multicloud.EnvRepo;
import io.devopssim.multicloud.FileWaveStateStore;
import io.devopssim.multicloud.MockClusters;
import io.devopssim.multicloud.PlanPhase;
import io.devopssim.multicloud.WaveRunState;
import io.devopssim.multicloud.WaveSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives {@code multiCloudRollout} as Pipeline does (start, asynchronous completion, restart, stop) on the
 * controller's own runtime: canaries on simulated fleets, commits to a real repository, and the real health check
 * against two mock API servers (DOKS, GKE) reached with their tokens.
 */
class MultiCloudRolloutStepTest {
    private static final String PLAN = """
            app: checkout
            image: ghcr.io/acme/checkout:1.5.0
            gitops: {repo: "${repo}", file: apps/checkout/values.yaml, helm: image.tag}
            replicas: {helm: replicaCount, requestsPerReplica: 25}
            failover: abort
            analysis:
              metrics: [{metric: error_rate, max: 0.03, maxRatio: 3.0}]
            waves:
              - {name: canary, clusters: [do-ams3], steps: [{setWeight: 50}, {analysis: {window: 1m}}], soak: 1m}
              - {name: europe, clusters: [gke-ew1], steps: [{setWeight: 50}, {analysis: {window: 1m}}], soak: 1m}
            """;
    private static final String PASSWORD = "repo-Secret-" + System.nanoTime();
    private static final List<String> UNINTERRUPTED = List.of("seed", "checkout-1.5.0-shop_checkout_12/canary-do-ams3-replicas",
            "checkout-1.5.0-shop_checkout_12.canary.do-ams3/promote", "checkout-1.5.0-shop_checkout_12/europe-gke-ew1-replicas",
            "checkout-1.5.0-shop_checkout_12.europe.gke-ew1/promote");

    private static MockClusters mocks;
    private static ClusterRegistry registry;

    @TempDir
    Path tmp;
    private SimulatedClock clock;
    private ManualScheduler scheduler;
    private ExecutorService checks;
    private TestBuilds builds;
    private EnvRepo repo;
    private TestStepContext context;
    private final List<GitPromoter> promoters = new ArrayList<>();

    @BeforeAll
    static void startClusters() throws Exception {
        Map<String, String> clouds = new LinkedHashMap<>();
        clouds.put("do-ams3", "doks");
        clouds.put("gke-ew1", "gke");
        mocks = new MockClusters(clouds);
        registry = mocks.registry();
    }

    @AfterAll
    static void stopClusters() {
        mocks.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
        scheduler = new ManualScheduler(clock);
        checks = Executors.newSingleThreadExecutor();
        builds = new TestBuilds(tmp.resolve("build"));
        repo = EnvRepo.local(tmp.resolve("env"), EnvRepo.files(List.of("do-ams3", "gke-ew1"), 50));
        context = new TestStepContext();
    }

    @AfterEach
    void tearDown() {
        checks.shutdownNow();
        promoters.forEach(GitPromoter::close);
    }

    private SimulatorWaveRuntime runtime() {
        return runtime(ForecasterProviders.NONE);
    }

    private SimulatorWaveRuntime runtime(ForecasterProviders forecasters) {
        GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("clones-" + promoters.size())));
        promoters.add(promoter);
        // Argo CD in each cluster auto-syncs: before each transition of the plan, every Application is at the newest
        // commit of its cluster's folder (the runtime waits for that after each promotion)
        Scheduler argoCdThenPlan = (task, when) -> scheduler.schedule(() -> {
            mocks.syncArgoCd(repo, List.of("do-ams3", "gke-ew1"));
            task.run();
        }, when);
        return new SimulatorWaveRuntime(argoCdThenPlan, checks, clock, promoter, () -> registry, builds,
                new TestCredentials(mocks.credentials(), new GitCredentials("deployer", PASSWORD.toCharArray())),
                new ClusterClientFactory(Duration.ofSeconds(2)), forecasters);
    }

    private MultiCloudRolloutExecution execution(String plan, boolean failOnRollback) {
        return new MultiCloudRolloutExecution(context, new MultiCloudRolloutRequest(null, plan.replace("${repo}", repo.url()),
                null, failOnRollback), runtime());
    }

    @Test
    @DisplayName("a load forecaster provided through the extension point sizes the waves instead of the daily profile")
    void shouldSizeWavesWithTheProvidedForecaster() throws Exception {
        ForecasterProvider provider = () -> SameTimeYesterday.DAILY;
        MultiCloudRolloutExecution execution = new MultiCloudRolloutExecution(context, new MultiCloudRolloutRequest(null,
                PLAN.replace("${repo}", repo.url()), null, true), runtime(new ForecasterProviders(List.of(provider))));

        execution.start();
        scheduler.run(10_000);

        assertThat(context.outcome.get()).extracting(m -> ((Map<?, ?>) m).get("phase")).isEqualTo("SUCCEEDED");
        assertThat(context.log()).containsPattern("\\[do-ams3] do-ams3: helm replicaCount 4 -> \\d+ for a forecast peak of \\d+ req/s \\(same time yesterday:"
                + " peak \\d+ req/s at \\d\\d:\\d\\d UTC over the next ")
                .doesNotContain("daily profile");
        assertThat(repo.steps()).isEqualTo(UNINTERRUPTED);
    }

    @Test
    void shouldDescribeItselfAsMultiCloudRollout() {
        MultiCloudRolloutStep.DescriptorImpl d = new MultiCloudRolloutStep.DescriptorImpl();
        assertThat(d.getFunctionName()).isEqualTo("multiCloudRollout");
        assertThat(new MultiCloudRolloutStep().isFailOnRollback()).isTrue();
        assertThat(new ClusterStatusStep.DescriptorImpl().getFunctionName()).isEqualTo("clusterStatus");
    }

    @Test
    @DisplayName("completes asynchronously with every wave passed, logs each cluster's events and shows one row per cluster")
    void shouldCompleteAsynchronouslyWhenEveryWavePasses() throws Exception {
        MultiCloudRolloutExecution execution = execution(PLAN, true);

        assertThat(execution.start()).as("asynchronous: start returns at once").isFalse();
        assertThat(context.outcome).isNotDone();
        scheduler.run(10_000);

        assertThat(context.outcome.get()).isEqualTo(Map.of("phase", "SUCCEEDED", "promoted", List.of("do-ams3", "gke-ew1"),
                "skipped", List.of(), "rolledBack", List.of()));
        assertThat(context.completions()).isEqualTo(1);
        assertThat(scheduler.pending()).as("nothing left scheduled").isZero();
        assertThat(repo.steps()).isEqualTo(UNINTERRUPTED);
        assertThat(context.log()).contains("[multiCloudRollout] [plan] wave 1/2 canary: do-ams3")
                .contains("[multiCloudRollout] [do-ams3] do-ams3 HEALTHY: 3/3 nodes Ready; checkout Synced/Healthy")
                .contains("[multiCloudRollout] [canary/do-ams3] step 1/2 setWeight 50: canary gets 50% of requests")
                .contains("[multiCloudRollout] [plan] checkout 1.5.0 rolled out: every wave passed");
        assertThat(builds.published).hasSize(1);
        WaveSummary summary = builds.published.get(0).getSummary();
        assertThat(summary.phase()).isEqualTo("succeeded");
        assertThat(summary.rows()).extracting(WaveSummary.Row::cluster, WaveSummary.Row::cloud, WaveSummary.Row::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("do-ams3", "DigitalOcean DOKS", "promoted"),
                        org.assertj.core.groups.Tuple.tuple("gke-ew1", "Google GKE", "promoted"));
        assertNoSecretIn(context.log());
    }

    @Test
    @DisplayName("an invalid plan fails the step with every problem before any state, commit or schedule")
    void shouldRejectAnInvalidPlanBeforeAnythingHappens() throws Exception {
        MultiCloudRolloutExecution execution = execution(PLAN.replace("clusters: [gke-ew1]", "clusters: [gke-ew9]")
                .replace("soak: 1m}\n", "soak: forever}\n"), true);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid wave plan")
                .hasMessageContaining("waves[1].clusters[0]: \"gke-ew9\" is not in the cluster registry (known: do-ams3, gke-ew1)")
                .hasMessageContaining("waves[0].soak: \"forever\" is not a duration");
        assertThat(Files.exists(builds.rootDir)).as("no state written").isFalse();
        assertThat(repo.steps()).containsExactly("seed");
        assertThat(scheduler.pending()).isZero();
        assertThat(builds.published).isEmpty();
    }

    @Test
    @DisplayName("a controller restart mid-plan resumes it from its saved state: the same commits, none twice")
    void shouldResumeAfterARestart() throws Exception {
        MultiCloudRolloutExecution execution = execution(PLAN, true);
        execution.start();
        while (!context.log().contains("europe-gke-ew1") && !context.log().contains("[europe/gke-ew1]")) {
            assertThat(scheduler.run(1)).isOne();
        }

        byte[] saved = StepSerialization.serialize(execution, context);
        scheduler.forget(); // the controller is gone, and with it every scheduled transition
        MultiCloudRolloutExecution resumed = StepSerialization.deserialize(saved, context, MultiCloudRolloutExecution.class);
        resumed.useRuntimeForTest(runtime());
        resumed.onResume();
        scheduler.run(10_000);

        assertThat(context.outcome.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("phase", "SUCCEEDED");
        assertThat(context.completions()).isEqualTo(1);
        assertThat(repo.steps()).isEqualTo(UNINTERRUPTED);
        assertThat(new String(saved, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD)
                .doesNotContain(mocks.token("do-ams3"));
    }

    @Test
    @DisplayName("stopping the build rolls the running wave back by commit and fails the step with the cause")
    void shouldRollBackTheRunningWaveWhenStopped() throws Exception {
        MultiCloudRolloutExecution execution = execution(PLAN, true);
        execution.start();
        while (!context.log().contains("[europe/gke-ew1] step 2/2 analysis: watching")) {
            assertThat(scheduler.run(1)).isOne();
        }

        execution.stop(new InterruptedException("aborted by alice"));

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(InterruptedException.class).hasMessage("aborted by alice");
        WaveRunState state = planState();
        assertThat(state.phase()).isEqualTo(PlanPhase.ABORTED);
        assertThat(state.cluster("gke-ew1").orElseThrow().status()).isEqualTo(ClusterStatus.ROLLED_BACK);
        assertThat(repo.values("gke-ew1")).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
        assertThat(repo.values("do-ams3")).contains("tag: \"1.5.0\"");
        scheduler.run(100);
        assertThat(context.completions()).as("completed once, by stop()").isEqualTo(1);
    }

    @Test
    @DisplayName("a rolled-back wave fails the build, or returns the result when told not to fail")
    void shouldFailOnARolledBackWaveUnlessToldNotTo() throws Exception {
        String failing = PLAN.replace("failover: abort\n", "failover: abort\nsimulation:\n  clusters:\n"
                + "    gke-ew1: {canaryRegression: {errorRateDelta: 0.05}}\n");
        execution(failing, true).start();
        scheduler.run(10_000);
        assertThatThrownBy(() -> context.outcome.get()).cause().isInstanceOf(AbortException.class)
                .hasMessageStartingWith("multiCloudRollout checkout-1.5.0-shop_checkout_12 rolled back: wave europe failed: gke-ew1");

        context = new TestStepContext();
        MultiCloudRolloutExecution lenient = new MultiCloudRolloutExecution(context, new MultiCloudRolloutRequest(null,
                failing.replace("${repo}", repo.url()), "second-try", false), runtime());
        lenient.start();
        scheduler.run(10_000);
        assertThat(context.outcome.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("phase", "ROLLED_BACK").containsEntry("rolledBack", List.of("gke-ew1"));
        assertThat(context.log()).contains("the build goes on because failOnRollback is false");
    }

    /** The first wave waits for approval after its canary took half the requests. */
    private static final String PAUSING = PLAN.replace("{name: canary, clusters: [do-ams3], steps: [{setWeight: 50}, {analysis",
            "{name: canary, clusters: [do-ams3], steps: [{setWeight: 50}, {pause: {}}, {analysis");
    private static final String PLAN_ID = "checkout-1.5.0-shop_checkout_12";

    /** Plays Jenkins' checkAnyPermission on the build's job for alice holding {@code granted}. */
    private static JobApprovalPermissions alice(java.util.Set<hudson.security.Permission> granted) {
        hudson.security.AccessControlled job = () -> null;
        return new JobApprovalPermissions(() -> job, (target, anyOf) -> {
            assertThat(target).isSameAs(job);
            if (Stream.of(anyOf).noneMatch(granted::contains)) {
                throw new org.springframework.security.access.AccessDeniedException("alice is missing the " + anyOf[0].name
                        + " permission");
            }
        }, () -> "alice");
    }

    private WaveApprovalAction approval(SimulatorWaveRuntime runtime, java.util.Set<hudson.security.Permission> granted) {
        WaveApprovalAction action = new WaveApprovalAction();
        action.bind(() -> builds.published, alice(granted), runtime::pauses, "job/shop/job/checkout/12/");
        return action;
    }

    /** Starts the pausing plan and runs it until it waits for approval: nothing is left scheduled. */
    private SimulatorWaveRuntime startPaused(MultiCloudRolloutExecution[] started) throws Exception {
        assertThat(PAUSING).contains("{pause: {}}");
        SimulatorWaveRuntime runtime = runtime();
        started[0] = new MultiCloudRolloutExecution(context, new MultiCloudRolloutRequest(null,
                PAUSING.replace("${repo}", repo.url()), null, true), runtime);
        started[0].start();
        scheduler.run(10_000);
        assertThat(planState().phase()).isEqualTo(PlanPhase.PAUSED);
        assertThat(scheduler.pending()).as("nothing scheduled while the wave waits").isZero();
        assertThat(context.outcome).isNotDone();
        return runtime;
    }

    @Test
    @DisplayName("a wave paused until approved waits with Approve/Abort on the build page; Approve runs it and the next wave at once")
    void shouldGoOnWhenThePausedWaveIsApprovedOnTheBuildPage() throws Exception {
        SimulatorWaveRuntime runtime = startPaused(new MultiCloudRolloutExecution[1]);
        WaveApprovalAction action = approval(runtime, java.util.Set.of(hudson.model.Item.BUILD));
        assertThat(action.getAwaiting()).containsExactly(new WaveApprovalAction.Awaiting(PLAN_ID, "checkout 1.5.0", "canary", "do-ams3"));
        assertThat(context.log()).contains("wave canary waits for approval: Approve or Abort on the build page");
        assertThat(repo.steps()).containsExactly("seed", PLAN_ID + "/canary-do-ams3-replicas");

        hudson.util.FormValidation answer = action.doApprove(PLAN_ID);

        assertThat(answer.kind).isEqualTo(hudson.util.FormValidation.Kind.OK);
        assertThat(answer.renderHtml()).as("back to the build page at once").startsWith(DecisionAnswer.BACK_TO_BUILD)
                .contains("wave canary approved by alice: do-ams3 go on");
        assertThat(scheduler.pending()).as("woken at once, not at a later look").isOne();
        assertThat(action.getAwaiting()).isEmpty();
        scheduler.run(10_000);
        assertThat(context.outcome.get()).isEqualTo(Map.of("phase", "SUCCEEDED", "promoted", List.of("do-ams3", "gke-ew1"),
                "skipped", List.of(), "rolledBack", List.of()));
        assertThat(repo.steps()).isEqualTo(UNINTERRUPTED);
        assertThat(action.doApprove(PLAN_ID).kind).as("nothing waits any more").isEqualTo(hudson.util.FormValidation.Kind.ERROR);
    }

    @Test
    @DisplayName("Abort on the build page rolls the paused wave back by commit and fails the step")
    void shouldRollThePausedWaveBackWhenAborted() throws Exception {
        SimulatorWaveRuntime runtime = startPaused(new MultiCloudRolloutExecution[1]);

        hudson.util.FormValidation answer = approval(runtime, java.util.Set.of(hudson.model.Item.CANCEL)).doAbort(PLAN_ID);
        assertThat(answer.renderHtml()).contains("abort requested: rejected by alice on the build page");
        scheduler.run(10_000);

        assertThatThrownBy(() -> context.outcome.get()).cause().isInstanceOf(AbortException.class)
                .hasMessageContaining("rejected by alice on the build page");
        WaveRunState state = planState();
        assertThat(state.phase().isTerminal()).isTrue();
        assertThat(state.cluster("do-ams3").orElseThrow().status()).isEqualTo(ClusterStatus.ROLLED_BACK);
        assertThat(state.cluster("gke-ew1").orElseThrow().status()).isEqualTo(ClusterStatus.PENDING);
        assertThat(repo.steps()).as("the sizing reverted by a commit").contains(PLAN_ID + "/canary-do-ams3-replicas")
                .anyMatch(step -> step.contains("revert-replicas"));
        assertThat(repo.values("do-ams3")).contains("tag: \"1.4.2\"").contains("replicaCount: 4");
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    @DisplayName("a user without Job/Build (approve) or Job/Cancel (abort) is refused with a 403 and nothing changes")
    void shouldRefuseAUserWithoutThePermission() throws Exception {
        SimulatorWaveRuntime runtime = startPaused(new MultiCloudRolloutExecution[1]);
        List<String> before = repo.steps();
        WaveApprovalAction reader = approval(runtime, java.util.Set.of(hudson.model.Item.READ));

        assertThatThrownBy(() -> reader.doApprove(PLAN_ID)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class)
                .hasMessageContaining("Build");
        assertThatThrownBy(() -> reader.doAbort(PLAN_ID)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThat(planState().phase()).isEqualTo(PlanPhase.PAUSED);
        assertThat(scheduler.pending()).isZero();
        assertThat(repo.steps()).isEqualTo(before);
        assertThat(context.outcome).isNotDone();
        assertThat(reader.getAwaiting()).hasSize(1);
    }

    @Test
    @DisplayName("a controller restart while a wave waits resumes it still waiting; the new controller's Approve then runs it")
    void shouldStayPausedAcrossARestartThenApprove() throws Exception {
        MultiCloudRolloutExecution[] started = new MultiCloudRolloutExecution[1];
        startPaused(started);

        byte[] saved = StepSerialization.serialize(started[0], context);
        scheduler.forget();
        MultiCloudRolloutExecution resumed = StepSerialization.deserialize(saved, context, MultiCloudRolloutExecution.class);
        SimulatorWaveRuntime after = runtime();
        resumed.useRuntimeForTest(after);
        WaveApprovalAction action = approval(after, java.util.Set.of(hudson.model.Item.BUILD));
        assertThat(action.doApprove(PLAN_ID).renderHtml()).as("before the step resumed, nothing can act on the plan")
                .contains("not running on this controller yet").doesNotContain("http-equiv");
        assertThat(planState().phase()).isEqualTo(PlanPhase.PAUSED);
        resumed.onResume();
        scheduler.run(10_000);

        assertThat(planState().phase()).isEqualTo(PlanPhase.PAUSED);
        assertThat(context.outcome).isNotDone();
        assertThat(scheduler.pending()).isZero();
        assertThat(action.getAwaiting()).extracting(WaveApprovalAction.Awaiting::wave).containsExactly("canary");

        action.doApprove(PLAN_ID);
        scheduler.run(10_000);

        assertThat(context.outcome.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("phase", "SUCCEEDED");
        assertThat(context.completions()).isEqualTo(1);
        assertThat(repo.steps()).isEqualTo(UNINTERRUPTED);
    }

    @Test
    @DisplayName("approve and abort are POST only (CSRF) and take the plan id as a parameter")
    void shouldOnlyAcceptPost() throws Exception {
        for (String name : new String[] {"doApprove", "doAbort"}) {
            var m = WaveApprovalAction.class.getMethod(name, String.class);
            assertThat(m.isAnnotationPresent(org.kohsuke.stapler.verb.POST.class)).as(name).isTrue();
            assertThat(m.getParameters()[0].isAnnotationPresent(org.kohsuke.stapler.QueryParameter.class)).as(name).isTrue();
        }
    }

    private WaveRunState planState() throws Exception {
        return new FileWaveStateStore(builds.rootDir.resolve(WaveSummaryAction.STATE_FOLDER).resolve("plans"))
                .load("checkout-1.5.0-shop_checkout_12").orElseThrow();
    }

    private void assertNoSecretIn(String log) throws Exception {
        List<String> printed = new ArrayList<>();
        printed.add(log);
        try (Stream<Path> files = Files.walk(builds.rootDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                printed.add(Files.readString(f));
            }
        }
        List<String> secrets = new ArrayList<>(mocks.secrets());
        secrets.add(PASSWORD);
        for (String secret : secrets) {
            assertThat(printed).noneMatch(p -> p.contains(secret));
        }
    }
}
