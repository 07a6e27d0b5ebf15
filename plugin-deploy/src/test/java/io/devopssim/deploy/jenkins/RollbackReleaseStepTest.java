package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.view.RolloutStatus;
import io.devopssim.deploy.view.RolloutView;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rollbackRelease}: revert commits for what a rollout committed; nothing when it committed nothing. */
class RollbackReleaseStepTest {
    private static final String CANARY_ID = "checkout-1.5.0-pipeline_1";

    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
    }

    /** A promoted canary: one promote commit carrying {@link #CANARY_ID}. */
    private void promoteACanary(String errorDelta) throws Exception {
        TestStepContext c = new TestStepContext();
        new CanaryRolloutExecution(c, new RolloutRequest(null, CanaryFixtures.spec(env.url(), "1.5.0", errorDelta), null, false),
                runtime).start();
        runtime.scheduler.run(1000);
        assertThat(c.outcome).isDone();
    }

    /** A promotion commit carrying {@link #CANARY_ID}, made directly (faster than a canary, the same trailers). */
    private void promote(String value) throws Exception {
        var target = new io.devopssim.core.spec.GitOpsSpec(env.url(), "main", EnvRepoFixture.FILE,
                new io.devopssim.core.gitops.ValueLocator.HelmValue("image.tag"), io.devopssim.core.spec.CredentialsSpec.NONE);
        var s = new io.devopssim.deploy.release.ReleasePromotion(runtime.promoter(),
                new io.devopssim.core.state.InMemoryStateStore(), runtime.clock)
                .promote(new io.devopssim.deploy.release.PromotionOrder(CANARY_ID, target, value),
                        io.devopssim.core.gitops.GitCredentials.ANONYMOUS);
        assertThat(s.phase()).isEqualTo(io.devopssim.core.state.RolloutPhase.PROMOTED);
    }

    private RollbackReleaseExecution rollback(TestStepContext c, String rolloutId) {
        RollbackReleaseStep step = new RollbackReleaseStep();
        step.setRolloutId(rolloutId);
        step.setRepo(env.url());
        step.setReason("checkout errors in production");
        return new RollbackReleaseExecution(c, new RollbackRequest(step.getRolloutId(), step.getSpecFile(), step.getRepo(),
                step.getBranch(), step.getUsernameEnv(), step.getPasswordEnv(), step.getReason()), runtime);
    }

    @Test
    @DisplayName("reverts the rollout's promotion commit: the stable value is back, by a revert commit with trailers")
    void shouldRevertThePromotion() throws Exception {
        promoteACanary("0.0");
        assertThat(env.file()).contains("tag: \"1.5.0\"");
        TestStepContext c = new TestStepContext();

        rollback(c, CANARY_ID).start();
        runtime.scheduler.run(10);

        @SuppressWarnings("unchecked")
        List<String> reverts = (List<String>) c.outcome.get();
        assertThat(reverts).hasSize(1);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers()).hasSize(3);
        assertThat(env.trailers().get(2)).containsEntry("Rollout-Id", CANARY_ID).containsEntry("Step", "revert-promotion");
        assertThat(c.log()).contains("[rollbackRelease] reverted commit").contains("(promote: Promote checkout to 1.5.0)");
        RolloutView v = runtime.build.only(RolloutsAction.class).getView().rollouts().get(1);
        assertThat(v.subject().step()).isEqualTo("rollbackRelease");
        assertThat(v.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(v.commits()).extracting(x -> x.id()).containsExactly(reverts.get(0));
        assertThat(runtime.build.actions(RolloutBadgeAction.class)).extracting(RolloutBadgeAction::getText)
                .containsExactly("promoted 100.0", "rolled back");
    }

    @Test
    @DisplayName("a second rollback finds the revert in history and commits nothing")
    void shouldNotRevertTwice() throws Exception {
        promote("1.5.0");
        rollback(new TestStepContext(), CANARY_ID).start();
        runtime.scheduler.run(10);
        TestRuntime nextBuild = new TestRuntime(tmp.resolve("build-2"));
        TestStepContext c = new TestStepContext();

        new RollbackReleaseExecution(c, new RollbackRequest(CANARY_ID, null, env.url(), null, null, null, null), nextBuild).start();
        nextBuild.scheduler.run(10);

        assertThat(c.outcome.get()).isEqualTo(List.of());
        assertThat(env.trailers()).hasSize(3);
        assertThat(c.log()).contains("was reverted already");
    }

    @Test
    @DisplayName("a rollout that changed nothing (rolled back itself, or unknown) fails the step and commits nothing")
    void shouldFailWhenThereIsNothingToRollBack() throws Exception {
        promoteACanary("0.05"); // rolled back by the canary: a decision commit that changed no value
        TestStepContext c = new TestStepContext();

        rollback(c, CANARY_ID).start();
        runtime.scheduler.run(10);

        assertThatThrownBy(() -> c.outcome.get()).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(AbortException.class).hasMessageContaining("made no commit that changed anything");
        assertThat(env.trailers()).hasSize(2);
        assertThat(tmp.resolve("build/devsim-rollbacks")).doesNotExist();
        assertThat(runtime.build.actions(RolloutBadgeAction.class)).hasSize(1);
    }

    @Test
    @DisplayName("a revert that conflicts with a later commit fails clearly and pushes nothing")
    void shouldFailWithoutACommitOnConflict() throws Exception {
        promote("1.5.0");
        PromoteReleaseStep later = new PromoteReleaseStep();
        later.setRepo(env.url());
        later.setFile(EnvRepoFixture.FILE);
        later.setHelm("image.tag");
        later.setValue("1.6.0");
        TestStepContext p = new TestStepContext();
        new PromoteReleaseExecution(p, new PromoteRequest(null, later.getRepo(), null, later.getFile(), null, later.getHelm(),
                null, later.getValue(), null, null, null), runtime).start();
        runtime.scheduler.run(10);
        assertThat(p.outcome.get()).isNotNull();
        TestStepContext c = new TestStepContext();

        rollback(c, CANARY_ID).start();
        runtime.scheduler.run(10);

        assertThatThrownBy(() -> c.outcome.get()).cause().hasMessageContaining("later commits changed the same lines");
        assertThat(env.trailers()).hasSize(3);
        assertThat(env.file()).contains("tag: \"1.6.0\"");
        assertThat(runtime.build.actions(RolloutBadgeAction.class)).extracting(RolloutBadgeAction::getStatus)
                .containsExactly("PROMOTED", "FAILED");
    }

    @Test
    @DisplayName("bad arguments are reported before the history is read")
    void shouldRejectBadArgumentsBeforeAnySideEffect() throws Exception {
        TestStepContext c = new TestStepContext();
        assertThatThrownBy(() -> new RollbackReleaseExecution(c, new RollbackRequest(null, null, env.url(), null, null, null, null),
                runtime).start()).isInstanceOf(AbortException.class).hasMessageContaining("rolloutId is required");
        assertThatThrownBy(() -> new RollbackReleaseExecution(c, new RollbackRequest("x", "rollout.yaml", env.url(), null, null,
                null, null), runtime).start()).hasMessageContaining("not both");
        assertThatThrownBy(() -> new RollbackReleaseExecution(c, new RollbackRequest("x", null, "git@github.com:a/b.git", "bad..branch",
                null, null, null), runtime).start()).hasMessageContaining("repo: SSH is not supported")
                .hasMessageContaining("branch: \"bad..branch\" is not a valid branch name");
        assertThatThrownBy(() -> new RollbackReleaseExecution(c, new RollbackRequest("x", null, env.url(), null, null, null,
                "why\nStep: promote"), runtime).start()).hasMessageContaining("reason must be one line");

        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(runtime.build.actions).isEmpty();
    }

    @Test
    @DisplayName("the repository can come from the rollout spec in the workspace")
    void shouldReadTheRepositoryFromASpecFile() throws Exception {
        promote("1.5.0");
        runtime.build.workspace = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(runtime.build.workspace.resolve("rollout.yaml"), CanaryFixtures.spec(env.url(), "1.5.0", "0.0"));
        TestStepContext c = new TestStepContext();

        new RollbackReleaseExecution(c, new RollbackRequest(CANARY_ID, "rollout.yaml", null, null, null, null, null), runtime).start();
        runtime.scheduler.run(10);

        assertThat(c.outcome.get()).asList().hasSize(1);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
    }

    @Test
    @DisplayName("resumed after its revert was pushed, it reports the same revert and pushes nothing")
    void shouldResumeWithoutRevertingTwice() throws Exception {
        promote("1.5.0");
        TestStepContext c = new TestStepContext();
        RollbackReleaseExecution e = rollback(c, CANARY_ID);
        e.start();
        byte[] program = StepSerialization.serialize(e, c);
        runtime.scheduler.run(10);
        TestStepContext after = new TestStepContext();

        RollbackReleaseExecution resumed = StepSerialization.deserialize(program, after, RollbackReleaseExecution.class);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        runtime.scheduler.run(10);

        assertThat(after.outcome.get()).isEqualTo(c.outcome.get());
        assertThat(env.trailers()).hasSize(3);
    }
}
