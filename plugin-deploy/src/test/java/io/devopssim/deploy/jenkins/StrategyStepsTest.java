package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.view.RolloutStatus;
import io.devopssim.deploy.view.RolloutView;
import io.devopssim.deploy.view.TimelinePoint;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code blueGreenRollout} (blue-green and hybrid) and {@code rollingUpdate}: the rollout step's execution over their engines. */
class StrategyStepsTest {
    private static final String ID = "checkout-1.5.0-pipeline_1";

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

    private StepExecution blueGreen(String yaml) {
        BlueGreenRolloutStep step = new BlueGreenRolloutStep();
        step.setSpec(yaml);
        return new BlueGreenRolloutExecution(context, step.request(), runtime);
    }

    private StepExecution rolling(String yaml) {
        RollingUpdateStep step = new RollingUpdateStep();
        step.setSpec(yaml);
        return new RollingUpdateExecution(context, step.request(), runtime);
    }

    private RolloutView view() {
        return runtime.build.only(RolloutsAction.class).getView().rollouts().get(0);
    }

    @Test
    @DisplayName("blue-green: preview judged, cut-over from 0 to 100 at once, committed, post-promotion judged, promoted")
    void shouldPromoteBlueGreen() throws Exception {
        blueGreen(CanaryFixtures.blueGreen(env.url(), "0.0", true)).start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(view().timeline()).filteredOn(p -> p.kind().equals("WEIGHT")).extracting(TimelinePoint::weight)
                .containsExactly(100);
        assertThat(view().analyses()).hasSize(2);
        assertThat(env.file()).contains("tag: \"1.5.0\"");
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote").containsEntry("Rollout-Id", ID);
        assertThat(runtime.build.only(RolloutBadgeAction.class).getStatus()).isEqualTo("PROMOTED");
        assertThat(context.log()).contains("[blueGreenRollout] ");
    }

    @Test
    @DisplayName("blue-green: a failing preview rolls back before any user's request reaches it")
    void shouldRollBackAFailingPreview() throws Exception {
        blueGreen(CanaryFixtures.blueGreen(env.url(), "0.05", true)).start();
        runtime.scheduler.run(1000);

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(AbortException.class).hasMessageContaining("blueGreenRollout " + ID + " rolled back");
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(view().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    }

    @Test
    @DisplayName("blue-green without auto-promotion waits on the build page; approval makes the cut-over")
    void shouldCutOverWhenApproved() throws Exception {
        blueGreen(CanaryFixtures.blueGreen(env.url(), "0.0", false)).start();
        runtime.scheduler.run(3);
        assertThat(view().awaitingApproval()).isTrue();
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        runtime.permissions = new FakePermissions("alice", true, false);
        RolloutApprovalAction approval = runtime.build.only(RolloutApprovalAction.class);
        approval.bind(() -> runtime.build.only(RolloutsAction.class), runtime.permissions, () -> runtime);

        approval.approve(ID);
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(context.log()).contains("approved by alice");
    }

    @Test
    @DisplayName("a hybrid spec runs through blueGreenRollout: canary steps, then the cut-over")
    void shouldRunAHybrid() throws Exception {
        blueGreen(CanaryFixtures.hybrid(env.url())).start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(view().timeline()).filteredOn(p -> p.kind().equals("WEIGHT")).extracting(TimelinePoint::weight)
                .startsWith(10).contains(100);
    }

    @Test
    @DisplayName("blue-green stopped during the scale-down delay switches back and reverts the promotion commit")
    void shouldSwitchBackWhenStoppedAfterTheCutOver() throws Exception {
        StepExecution e = blueGreen(CanaryFixtures.blueGreen(env.url(), "0.0", true));
        e.start();
        while (runtime.fleets.isEmpty() || runtime.fleets.get(0).canaryWeight() != 100 || env.trailers().size() < 2) {
            assertThat(runtime.scheduler.run(1)).isEqualTo(1);
        }

        e.stop(new InterruptedException("stopped by dave"));

        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(env.trailers().size() - 1)).containsEntry("Step", "revert-promotion");
        assertThat(runtime.scheduler.pending()).isZero();
    }

    @Test
    @DisplayName("rolling update: batches to 100%, health checked, committed once across a controller restart")
    void shouldRollAcrossARestart() throws Exception {
        StepExecution e = rolling(CanaryFixtures.rolling(env.url(), "0.0"));
        e.start();
        runtime.scheduler.run(2);
        runtime.scheduler.forget();
        RollingUpdateExecution resumed = StepSerialization.deserialize(StepSerialization.serialize(e, context), context,
                RollingUpdateExecution.class);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(runtime.fleets.get(0).canaryWeight()).isEqualTo(100);
        assertThat(view().timeline()).filteredOn(p -> p.kind().equals("WEIGHT")).extracting(TimelinePoint::weight)
                .containsExactly(50, 100);
        assertThat(env.trailers()).hasSize(2);
    }

    @Test
    @DisplayName("rolling update: an unhealthy batch rolls back; the build goes on when asked")
    void shouldRollBackAnUnhealthyBatch() throws Exception {
        RollingUpdateStep step = new RollingUpdateStep();
        step.setSpec(CanaryFixtures.rolling(env.url(), "0.05"));
        step.setFailOnRollback(false);
        new RollingUpdateExecution(context, step.request(), runtime).start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("ROLLED_BACK");
        assertThat(runtime.fleets.get(0).canaryWeight()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
    }

    @Test
    @DisplayName("a spec of another strategy is refused, naming the step that runs it, before anything happens")
    void shouldRefuseAnotherStrategysSpec() throws Exception {
        StepExecution canary = new CanaryRolloutExecution(context, new RolloutRequest(null,
                CanaryFixtures.blueGreen(env.url(), "0.0", true), null, true), runtime);
        assertThatThrownBy(canary::start).isInstanceOf(AbortException.class)
                .hasMessage("canaryRollout: strategy blueGreen is run by blueGreenRollout, not canaryRollout");
        assertThatThrownBy(() -> rolling(CanaryFixtures.spec(env.url(), "1.5.0", "0.0")).start())
                .hasMessage("rollingUpdate: strategy canary is run by canaryRollout, not rollingUpdate");
        assertThatThrownBy(() -> blueGreen(CanaryFixtures.rolling(env.url(), "0.0")).start())
                .hasMessage("blueGreenRollout: strategy rolling is run by rollingUpdate, not blueGreenRollout");

        assertThat(env.trailers()).hasSize(1);
        assertThat(runtime.fleets).isEmpty();
        assertThat(runtime.build.actions).isEmpty();
        assertThat(tmp.resolve("build/devsim-rollouts")).doesNotExist();
        assertThat(RolloutPhase.values()).isNotEmpty();
    }
}
