package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the {@code canaryRollout} step the way Pipeline does: start, asynchronous completion, restart, stop. */
class CanaryRolloutStepTest {
    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;
    private TestStepContext context;

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
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
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(context.completions()).isEqualTo(1);
        assertThat(context.log()).contains("[canaryRollout] step 1/4 setWeight 10")
                .contains("step 2/4 analysis 2m at 10%: PASSED score 100.0 | error_rate canary")
                .contains("promoted: apps/checkout/values.yaml helm image.tag 1.4.2 -> 1.5.0");
        assertThat(env.trailers()).hasSize(2);
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote")
                .containsEntry("Rollout-Id", "checkout-1.5.0-pipeline_1");
        assertThat(runtime.scheduler.pending()).isZero();
    }

    @Test
    void shouldFailTheBuildWhenRolledBack() throws Exception {
        StepExecution execution = start(spec("1.6.0", "0.05"), true);
        execution.start();
        runtime.scheduler.run(1000);

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AbortException.class).hasMessageContaining("rolled back: FAILED: error_rate canary");
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").containsEntry("Verdict", "FAILED");
    }

    @Test
    void shouldReturnRolledBackWithoutFailingWhenAskedTo() throws Exception {
        StepExecution execution = start(spec("1.6.0", "0.05"), false);
        execution.start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void shouldRejectAnInvalidSpecBeforeAnySideEffect() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0").replace("setWeight: 10", "setWeight: 150"), true);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid rollout spec").hasMessageContaining("steps[0].setWeight: 150 is not in 0..100");
        assertNothingHappened();
    }

    @Test
    void shouldRejectMissingCredentialsBeforeAnySideEffect() throws Exception {
        String yaml = spec("1.5.0", "0.0").replace("  helm: image.tag",
                "  helm: image.tag\n  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}");
        StepExecution execution = start(yaml, true);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("GIT_USER and GIT_TOKEN must both be set");
        assertNothingHappened();
    }

    @Test
    void shouldRefuseToGuessWhenBothOrNeitherSpecIsGiven() {
        StepExecution neither = new CanaryRolloutExecution(context, new RolloutRequest(null, null, null, true), runtime);
        assertThatThrownBy(neither::start).isInstanceOf(AbortException.class).hasMessageContaining("exactly one of specFile or spec");
    }

    @Test
    void shouldNeedAWorkspaceForASpecFile() {
        StepExecution fromFile = new CanaryRolloutExecution(context,
                new RolloutRequest("deploy/rollout.yaml", null, null, true), runtime);
        assertThatThrownBy(fromFile::start).isInstanceOf(AbortException.class).hasMessageContaining("inside node");
    }

    @Test
    void shouldReadTheSpecFileFromTheWorkspace() throws Exception {
        runtime.build.workspace = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(runtime.build.workspace.resolve("deploy"));
        Files.writeString(runtime.build.workspace.resolve("deploy/rollout.yaml"), spec("1.5.0", "0.0"));
        StepExecution missing = new CanaryRolloutExecution(context, new RolloutRequest("deploy/other.yaml", null, null, true), runtime);
        assertThatThrownBy(missing::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("spec file deploy/other.yaml not found in the workspace");

        new CanaryRolloutExecution(context, new RolloutRequest("deploy/rollout.yaml", null, null, true), runtime).start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
    }

    @Test
    void shouldResumeAfterAControllerRestartAndCommitOnlyOnce() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0"), true);
        execution.start();
        runtime.scheduler.run(1); // weight 10 set, first analysis window running
        assertThat(context.outcome).isNotDone();

        // the controller stops: in-memory schedule lost, the execution survives only as its serialized form
        runtime.scheduler.forget();
        runtime.build.actions.clear(); // build.xml was last saved before the step added its actions
        CanaryRolloutExecution resumed = restart(execution);
        resumed.onResume();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(env.trailers()).hasSize(2);
        assertThat(runtime.build.only(RolloutsAction.class).getView().rollouts()).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(io.devopssim.deploy.view.RolloutStatus.PROMOTED));
        assertThat(runtime.build.only(RolloutBadgeAction.class).getStatus()).isEqualTo("PROMOTED");
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(context.log()).as("each event is logged once, across the restart")
                .containsOnlyOnce("step 1/4 setWeight 10").containsOnlyOnce("promoted:");
    }

    @Test
    void shouldRollBackAtOnceWhenTheBuildIsStopped() throws Exception {
        StepExecution execution = start(spec("1.5.0", "0.0"), true);
        execution.start();
        runtime.scheduler.run(1);
        assertThat(runtime.fleets.get(0).canaryWeight()).isEqualTo(10);

        InterruptedException cause = new InterruptedException("aborted by alice");
        execution.stop(cause);

        assertThatThrownBy(() -> context.outcome.get()).hasCause(cause);
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback");
        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(runtime.build.only(RolloutBadgeAction.class).getStatus()).isEqualTo("ABORTED");
    }

    @Test
    void shouldTakeGitCredentialsFromTheEnvironmentAndNeverPersistOrLogThem() throws Exception {
        context.env().put("GIT_USER", "deployer");
        context.env().put("GIT_TOKEN", "s3cr3t-token");
        String yaml = spec("1.5.0", "0.0").replace("  helm: image.tag",
                "  helm: image.tag\n  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}");
        StepExecution execution = start(yaml, true);
        execution.start();
        runtime.scheduler.run(2);

        assertThat(runtime.lastCredentials.username()).isEqualTo("deployer");
        assertThat(new String(serialize(execution), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t-token");
        runtime.scheduler.run(1000);
        assertThat(context.log()).doesNotContain("s3cr3t-token");
        assertNoFileUnder(tmp.resolve("build"), "s3cr3t-token");
    }

    private void assertNothingHappened() throws Exception {
        assertThat(env.trailers()).hasSize(1);
        assertThat(runtime.fleets).isEmpty();
        assertThat(tmp.resolve("build/devsim-rollouts")).doesNotExist();
        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(runtime.build.actions).isEmpty();
    }

    static void assertNoFileUnder(Path dir, String secret) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
            }
        }
    }

    private StepExecution start(String yaml, boolean failOnRollback) {
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(yaml);
        step.setFailOnRollback(failOnRollback);
        return new CanaryRolloutExecution(context,
                new RolloutRequest(step.getSpecFile(), step.getSpec(), step.getRolloutId(), step.isFailOnRollback()),
                runtime);
    }

    private String spec(String tag, String errorDelta) {
        return CanaryFixtures.spec(env.url(), tag, errorDelta);
    }

    private byte[] serialize(StepExecution execution) throws IOException {
        return StepSerialization.serialize(execution, context);
    }

    private CanaryRolloutExecution restart(StepExecution execution) throws Exception {
        CanaryRolloutExecution resumed = StepSerialization.deserialize(serialize(execution), context, CanaryRolloutExecution.class);
        resumed.useRuntimeForTest(runtime);
        return resumed;
    }
}
