package io.devopssim.deploy.jenkins;

import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;

import hudson.AbortException;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.RolloutScheduler;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the {@code canaryRollout} step the way Pipeline does: start, asynchronous completion, restart, stop. */
class CanaryRolloutStepTest {
    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private SimulatedClock clock;
    private ManualScheduler scheduler;
    private TestRuntime runtime;
    private TestStepContext context;

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
        scheduler = new ManualScheduler(clock);
        runtime = new TestRuntime();
        context = new TestStepContext();
    }

    @Test
    void shouldDescribeItselfAsCanaryRolloutNeedingRunListenerAndEnvironment() {
        CanaryRolloutStep.DescriptorImpl d = new CanaryRolloutStep.DescriptorImpl();
        assertThat(d.getFunctionName()).isEqualTo("canaryRollout");
        assertThat(new java.util.HashSet<Object>(d.getRequiredContext())).containsExactlyInAnyOrder(hudson.model.Run.class,
                hudson.model.TaskListener.class, hudson.EnvVars.class);
    }

    @Test
    void shouldCompleteAsynchronouslyWithPromotedAndLogEachStep() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0"), true);

        assertThat(execution.start()).as("asynchronous: start returns at once").isFalse();
        assertThat(context.outcome).isNotDone();
        scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(context.completions()).isEqualTo(1);
        assertThat(context.log()).contains("[canaryRollout] step 1/4 setWeight 10")
                .contains("step 2/4 analysis 2m at 10%: PASSED score 100.0 | error_rate canary")
                .contains("promoted: apps/checkout/values.yaml helm image.tag 1.4.2 -> 1.5.0");
        assertThat(env.trailers()).hasSize(2);
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote")
                .containsEntry("Rollout-Id", "checkout-1.5.0-pipeline_1");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void shouldFailTheBuildWhenRolledBack() throws Exception {
        StepExecution execution = start(spec("1.6.0", "0.05"), true);
        execution.start();
        scheduler.run(1000);

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AbortException.class).hasMessageContaining("rolled back: FAILED: error_rate canary");
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").containsEntry("Verdict", "FAILED");
    }

    @Test
    void shouldReturnRolledBackWithoutFailingWhenAskedTo() throws Exception {
        StepExecution execution = start(spec("1.6.0", "0.05"), false);
        execution.start();
        scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void shouldRejectAnInvalidSpecBeforeAnySideEffect() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0").replace("setWeight: 10", "setWeight: 150"), true);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid rollout spec").hasMessageContaining("steps[0].setWeight: 150 is not in 0..100");
        assertThat(env.trailers()).hasSize(1);
        assertThat(runtime.fleets).isEmpty();
        assertThat(tmp.resolve("build/devsim-rollouts")).doesNotExist();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void shouldRefuseAPauseUntilApprovedItCannotOfferBeforeAnySideEffect() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0").replace("  - setWeight: 50", "  - pause: {}\n  - setWeight: 50"), true);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class).hasMessageContaining("pause: {}");
        assertThat(runtime.fleets).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void shouldRefuseToGuessWhenBothOrNeitherSpecIsGiven() {
        StepExecution neither = new CanaryRolloutExecution(context, new CanaryRolloutRequest(null, null, null, true), runtime);
        assertThatThrownBy(neither::start).isInstanceOf(AbortException.class).hasMessageContaining("exactly one of specFile or spec");
    }

    @Test
    void shouldNeedAWorkspaceForASpecFile() {
        StepExecution fromFile = new CanaryRolloutExecution(context,
                new CanaryRolloutRequest("deploy/rollout.yaml", null, null, true), runtime);
        assertThatThrownBy(fromFile::start).isInstanceOf(AbortException.class).hasMessageContaining("inside node");
    }

    @Test
    void shouldResumeAfterAControllerRestartAndCommitOnlyOnce() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0"), true);
        execution.start();
        scheduler.run(1); // weight 10 set, first analysis window running
        assertThat(context.outcome).isNotDone();

        // the controller stops: in-memory schedule lost, the execution survives only as its serialized form
        scheduler.forget();
        byte[] saved = serialize(execution);
        CanaryRolloutExecution resumed = deserialize(saved);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(env.trailers()).hasSize(2);
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
    }

    @Test
    void shouldRollBackAtOnceWhenTheBuildIsStopped() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0"), true);
        execution.start();
        scheduler.run(1);
        assertThat(runtime.fleets.get(0).canaryWeight()).isEqualTo(10);

        InterruptedException cause = new InterruptedException("aborted by alice");
        execution.stop(cause);

        assertThatThrownBy(() -> context.outcome.get()).hasCause(cause);
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback");
        assertThat(scheduler.pending()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
    }

    @Test
    void shouldTakeGitCredentialsFromTheEnvironmentAndNeverPersistThem() throws Exception {
        context.env().put("GIT_USER", "deployer");
        context.env().put("GIT_TOKEN", "s3cr3t-token");
        String yaml = spec("1.5.0", "0.0").replace("  helm: image.tag",
                "  helm: image.tag\n  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}");
        StepExecution execution = start(yaml, true);
        execution.start();
        scheduler.run(2);

        assertThat(runtime.lastCredentials.username()).isEqualTo("deployer");
        assertThat(new String(serialize(execution), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t-token");
        scheduler.run(1000);
        assertThat(context.log()).doesNotContain("s3cr3t-token");
        try (var files = Files.walk(tmp.resolve("build"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).doesNotContain("s3cr3t-token");
            }
        }
    }

    private StepExecution start(String yaml, boolean failOnRollback) throws Exception {
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(yaml);
        step.setFailOnRollback(failOnRollback);
        return new CanaryRolloutExecution(context,
                new CanaryRolloutRequest(step.getSpecFile(), step.getSpec(), step.getRolloutId(), step.isFailOnRollback()),
                runtime);
    }

    private String spec(String tag, String errorDelta) {
        return """
                app: checkout
                image: ghcr.io/acme/checkout:%s
                steps:
                  - setWeight: 10
                  - analysis: {window: 2m}
                  - setWeight: 50
                  - analysis: {window: 2m}
                analysis:
                  interval: 10s
                  minSamples: 6
                  metrics:
                    - {metric: error_rate, max: 0.02, maxRatio: 2.0}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                simulation:
                  seed: 11
                  canaryRegression: {errorRateDelta: %s}
                """.formatted(tag, env.url(), errorDelta);
    }

    private byte[] serialize(StepExecution execution) throws IOException {
        return StepSerialization.serialize(execution, context);
    }

    private CanaryRolloutExecution deserialize(byte[] bytes) throws Exception {
        return StepSerialization.deserialize(bytes, context, CanaryRolloutExecution.class);
    }

    /** The controller's runtime for tests: simulated time, a manual scheduler, one fleet per rollout id. */
    private final class TestRuntime implements RolloutRuntime {
        final java.util.List<FleetSimulator> fleets = new java.util.ArrayList<>();
        private final Map<String, FleetSimulator> byId = new HashMap<>();
        GitCredentials lastCredentials;

        @Override
        public RolloutScheduler scheduler() {
            return scheduler;
        }

        @Override
        public BuildRef build(StepContext ctx) {
            return new BuildRef(tmp.resolve("build"), "pipeline#1");
        }

        @Override
        public RolloutContext context(String rolloutId, RolloutSpec spec, GitCredentials credentials, Path stateDir,
                                      RolloutListener listener) {
            lastCredentials = credentials;
            // the cluster outlives a controller restart: the same fleet serves the resumed rollout
            FleetSimulator fleet = byId.computeIfAbsent(rolloutId, id -> {
                FleetSimulator f = new FleetSimulator(spec.simulation(), clock);
                fleets.add(f);
                return f;
            });
            return new RolloutContext(rolloutId, spec, fleet, new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())),
                    new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("git-work-" + java.util.UUID.randomUUID()))), GitCredentials.ANONYMOUS, new FileStateStore(stateDir), clock,
                    listener, new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5)));
        }
    }
}
