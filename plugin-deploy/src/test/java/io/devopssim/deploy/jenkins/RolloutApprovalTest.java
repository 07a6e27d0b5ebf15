package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.RolloutControl;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.view.RolloutStatus;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A canary with {@code pause: {}} waits for a decision from the build page, and acts on it. */
class RolloutApprovalTest {
    private static final String ID = "checkout-1.5.0-pipeline_1";

    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;
    private TestStepContext context;
    private CanaryRolloutExecution execution;

    @BeforeEach
    void startAndRunUntilPaused() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
        context = new TestStepContext();
        execution = new CanaryRolloutExecution(context,
                new RolloutRequest(null, CanaryFixtures.withApproval(env.url(), "1.5.0"), null, true), runtime);
        execution.start();
        runtime.scheduler.run(2); // weight 10, the analysis window, then the pause
    }

    @Test
    @DisplayName("a paused rollout waits, shows on the build page and its badge, and holds no commit")
    void shouldWaitForApprovalAndShowIt() throws Exception {
        assertThat(state()).isEqualTo(RolloutPhase.PAUSED);
        assertThat(context.outcome).isNotDone();
        assertThat(context.log()).contains("step 3/5 paused until approved")
                .contains("approve or abort it on the build page, or with devsim approve|abort " + ID);
        assertThat(approval().getAwaiting()).extracting(v -> v.rolloutId()).containsExactly(ID);
        assertThat(runtime.build.only(RolloutBadgeAction.class).getText()).isEqualTo("paused 100.0");
        assertThat(env.trailers()).hasSize(1);

        runtime.scheduler.run(20); // five minutes of looks at the saved state: still waiting
        assertThat(state()).isEqualTo(RolloutPhase.PAUSED);
        assertThat(runtime.scheduler.pending()).as("one look scheduled, no thread waiting").isEqualTo(1);
    }

    @Test
    @DisplayName("approving needs Job/Build: refused before the state is read or changed")
    void shouldRefuseApprovalWithoutBuildPermission() throws Exception {
        runtime.permissions = new FakePermissions("mallory", false, true);
        rebindApproval();

        assertThatThrownBy(() -> approval().approve(ID)).isInstanceOf(SecurityException.class)
                .hasMessage("mallory is missing the Job/Build permission");
        runtime.scheduler.run(3);
        assertThat(state()).isEqualTo(RolloutPhase.PAUSED);
        assertThat(context.outcome).isNotDone();
    }

    @Test
    @DisplayName("aborting needs Job/Cancel or Job/Build")
    void shouldRefuseAbortWithoutCancelOrBuildPermission() throws Exception {
        runtime.permissions = new FakePermissions("eve", false, false);
        rebindApproval();

        assertThatThrownBy(() -> approval().abort(ID)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("Job/Cancel");
        assertThat(state()).isEqualTo(RolloutPhase.PAUSED);
    }

    @Test
    @DisplayName("an approval resumes the rollout at once, and the timeline says who approved")
    void shouldResumeOnApproval() throws Exception {
        runtime.permissions = new FakePermissions("alice", true, false);
        rebindApproval();
        var pausedAt = runtime.clock.now();

        assertThat(approval().approve(ID)).isEqualTo("step 3 approved by alice");
        runtime.scheduler.run(1);
        assertThat(runtime.clock.now()).as("woken at once, not at the next look").isEqualTo(pausedAt);
        assertThat(state()).isNotEqualTo(RolloutPhase.PAUSED);
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(context.log()).contains("step 3 approved by alice");
        assertThat(runtime.build.only(RolloutBadgeAction.class).getStatus()).isEqualTo(RolloutStatus.PROMOTED.name());
        assertThat(approval().getAwaiting()).isEmpty();
        assertThatThrownBy(() -> approval().approve(ID)).isInstanceOf(RolloutException.class)
                .hasMessage("rollout " + ID + " is not waiting for approval");
    }

    @Test
    @DisplayName("an abort rolls back and fails the step; the stable version stays")
    void shouldRollBackOnAbort() throws Exception {
        runtime.permissions = new FakePermissions("bob", false, true);
        rebindApproval();

        approval().abort(ID);
        runtime.scheduler.run(1000);

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(AbortException.class).hasMessageContaining("canaryRollout " + ID + " aborted")
                .hasMessageContaining("rejected by bob on the build page");
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback");
        assertThat(runtime.build.only(RolloutBadgeAction.class).getStatus()).isEqualTo("ABORTED");
    }

    @Test
    @DisplayName("only a waiting rollout of this build can be decided")
    void shouldRefuseUnknownRollouts() {
        runtime.permissions = new FakePermissions("alice", true, true);
        rebindApproval();

        assertThatThrownBy(() -> approval().approve("../../other-build/x")).isInstanceOf(RolloutException.class)
                .hasMessageContaining("no rollout of this build is named");
        assertThatThrownBy(() -> approval().abort(null)).isInstanceOf(RolloutException.class);
    }

    @Test
    @DisplayName("after a controller restart the paused rollout is still approved from the build page")
    void shouldBeApprovedAfterARestart() throws Exception {
        runtime.scheduler.forget();
        CanaryRolloutExecution resumed = StepSerialization.deserialize(StepSerialization.serialize(execution, context),
                context, CanaryRolloutExecution.class);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        runtime.scheduler.run(1);
        runtime.permissions = new FakePermissions("alice", true, false);
        rebindApproval();

        approval().approve(ID);
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(env.trailers()).hasSize(2);
    }

    @Test
    @DisplayName("an approval saved by devsim approve is seen at the next look")
    void shouldSeeAnApprovalSavedOutsideJenkins() throws Exception {
        new RolloutControl(new FileStateStore(tmp.resolve("build/devsim-rollouts"))).approve(ID, "carol", runtime.clock.now());

        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(context.log()).contains("approved by carol");
    }

    @Test
    @DisplayName("a stopped build rolls a paused rollout back")
    void shouldRollBackAPausedRolloutWhenStopped() throws Exception {
        execution.stop(new InterruptedException("stopped by dave"));

        assertThat(state()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(runtime.wakeups.wake(tmp.resolve("build/devsim-rollouts"), ID)).as("no longer waiting").isFalse();
    }

    @Test
    @DisplayName("the build page's buttons send the browser back to the build page, with the timeline's line, escaped; or show the error")
    void shouldAnswerTheBrowser() throws Exception {
        runtime.permissions = new FakePermissions("alice <admin>", true, true);
        rebindApproval();

        hudson.util.FormValidation wrong = approval().doApprove("<img src=x>");
        assertThat(wrong.kind).isEqualTo(hudson.util.FormValidation.Kind.ERROR);
        assertThat(wrong.renderHtml()).doesNotContain("<img");
        hudson.util.FormValidation done = approval().doApprove(ID);
        assertThat(done.kind).isEqualTo(hudson.util.FormValidation.Kind.OK);
        assertThat(done.renderHtml()).contains("step 3 approved by alice &lt;admin&gt;").contains("href=\"../\"")
                .as("back to the build page at once").startsWith("<meta http-equiv=\"refresh\" content=\"0;url=../\">");
        assertThat(wrong.renderHtml()).as("an error stays on screen").doesNotContain("http-equiv");
    }

    @Test
    @DisplayName("approve and abort are POST only (CSRF) and take the rollout id as a parameter")
    void shouldOnlyAcceptPost() throws Exception {
        for (String name : new String[] {"doApprove", "doAbort"}) {
            var m = RolloutApprovalAction.class.getMethod(name, String.class);
            assertThat(m.isAnnotationPresent(POST.class)).as(name).isTrue();
            assertThat(m.getParameters()[0].isAnnotationPresent(QueryParameter.class)).as(name).isTrue();
            assertThat(m.getParameters()[0].getName()).isEqualTo("rolloutId");
        }
    }

    private RolloutApprovalAction approval() {
        return runtime.build.only(RolloutApprovalAction.class);
    }

    /** The user changed: bind the action again, as Jenkins binds it to the request's user. */
    private void rebindApproval() {
        approval().bind(() -> runtime.build.only(RolloutsAction.class), runtime.permissions, () -> runtime);
    }

    private RolloutPhase state() throws Exception {
        return new FileStateStore(tmp.resolve("build/devsim-rollouts")).load(ID).orElseThrow().phase();
    }
}
