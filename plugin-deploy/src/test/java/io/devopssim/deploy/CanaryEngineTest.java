package io.devopssim.deploy;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.ImageRef;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.spec.Strategy;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanaryEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void shouldPromoteAHealthyCanaryWithOneCommitCarryingTrailers() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        Run run = new Run(spec(env, "1.5.0", RegressionSpec.NONE), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.weight()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
        assertThat(env.trailers()).hasSize(2);
        assertThat(env.trailers().get(1)).containsEntry("Rollout-Id", "checkout-1.5.0")
                .containsEntry("Step", "promote").containsEntry("Verdict", "PASSED");
        assertThat(end.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.ANALYSIS)
                .allMatch(e -> e.judgement().verdict() == Verdict.PASSED).hasSize(2);
        assertThat(run.fleet.canaryWeight()).isZero();
    }

    @Test
    void shouldRollBackACanaryWithAHigherErrorRateAndKeepTheStableTag() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        Run run = new Run(spec(env, "1.6.0", new RegressionSpec(0.05, 1, 1)), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("FAILED: error_rate canary");
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").containsEntry("Verdict", "FAILED");
        assertThat(run.fleet.canaryWeight()).isZero();
        // it stopped at the first analysis: the canary never got more than 10%
        assertThat(end.events()).allMatch(e -> e.weight() <= 10);
    }

    @Test
    void shouldNeverPromoteWhenTheCanaryHadNoTrafficToJudge() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        RolloutSpec base = spec(env, "1.5.0", RegressionSpec.NONE);
        RolloutSpec noTraffic = new RolloutSpec(base.app(), base.image(), base.strategy(),
                List.of(new StepSpec.Analysis(Duration.ofMinutes(2))), base.analysis(), base.gitops(), base.simulation());
        RolloutState end = new Run(noTraffic, new InMemoryStateStore()).toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("INCONCLUSIVE");
        assertThat(env.trailers().get(1)).containsEntry("Verdict", "INCONCLUSIVE");
    }

    @Test
    @DisplayName("stopped at every transition (also between a side effect and its save) and resumed, a rollout ends as an uninterrupted one, with no duplicate commit")
    void shouldEndAsAnUninterruptedRunWhenStoppedAtEveryTransition() throws Exception {
        for (RegressionSpec regression : List.of(RegressionSpec.NONE, new RegressionSpec(0.05, 1, 1))) {
            EnvRepoFixture reference = new EnvRepoFixture(tmp.resolve("ref-" + regression.errorRateDelta()));
            RolloutState expected = new Run(spec(reference, "1.5.0", regression), new InMemoryStateStore()).toEnd();
            int saves = expected.events().size() + 4;

            for (int crashAt = 1; crashAt <= saves; crashAt++) {
                EnvRepoFixture env = new EnvRepoFixture(tmp.resolve("crash-" + regression.errorRateDelta() + "-" + crashAt));
                InMemoryStateStore durable = new InMemoryStateStore();
                RolloutSpec spec = spec(env, "1.5.0", regression);
                SimulatedClock clock = new SimulatedClock(T0);
                FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock); // the cluster outlives the controller

                RolloutState end;
                try {
                    end = new Run(spec, new CrashingStore(durable, crashAt), clock, fleet).toEnd();
                } catch (CrashingStore.Crash c) {
                    end = new Run(spec, durable, clock, fleet).toEnd();
                }

                assertThat(end.phase()).as("crash at save %d", crashAt).isEqualTo(expected.phase());
                assertThat(summary(end)).as("crash at save %d", crashAt).isEqualTo(summary(expected));
                assertThat(env.trailers()).as("crash at save %d", crashAt).isEqualTo(reference.trailers());
                assertThat(env.file()).isEqualTo(reference.file());
                assertThat(fleet.canaryWeight()).isZero();
            }
        }
    }

    @Test
    void shouldRollBackImmediatelyWhenAborted() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        Run run = new Run(spec(env, "1.5.0", RegressionSpec.NONE), new InMemoryStateStore());
        run.engine.start();
        RolloutState waiting = run.engine.advance();
        assertThat(waiting.waitUntil()).isNotNull();
        assertThat(run.fleet.canaryWeight()).isEqualTo(10);

        run.engine.abort("build aborted by alice");
        RolloutState end = run.engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(run.fleet.canaryWeight()).isZero();
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").doesNotContainKey("Verdict");
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
    }

    @Test
    void shouldFailWithTheCanaryAtZeroWhenTheRepositoryRefusesEveryAttempt() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        Run run = new Run(spec(env, "1.5.0", RegressionSpec.NONE), new InMemoryStateStore());
        run.engine.start();
        // the repository disappears after the rollout began
        org.eclipse.jgit.util.FileUtils.delete(env.bare.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);

        RolloutState end = SimulatedRun.toEnd(run.engine, run.clock);

        assertThat(end.phase()).isEqualTo(RolloutPhase.FAILED);
        assertThat(end.outcome()).contains("promotion commit failed");
        assertThat(end.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.RETRY).hasSize(2);
        assertThat(run.fleet.canaryWeight()).isZero();
    }

    @Test
    void shouldRefuseToResumeARolloutIdWithADifferentSpec() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        InMemoryStateStore store = new InMemoryStateStore();
        new Run(spec(env, "1.5.0", RegressionSpec.NONE), store).engine.start();

        Run other = new Run(spec(env, "1.5.0", new RegressionSpec(0.01, 1, 1)), store);
        assertThatThrownBy(other.engine::start).isInstanceOf(RolloutException.class)
                .hasMessageContaining("different spec");
    }

    private static List<String> summary(RolloutState s) {
        return s.events().stream().map(e -> e.kind() + "@" + e.weight() + "@" + e.time()
                + (e.judgement() == null ? "" : "@" + e.judgement().verdict() + "@" + e.judgement().score())).toList();
    }

    static RolloutSpec spec(EnvRepoFixture env, String tag, RegressionSpec regression) {
        return new RolloutSpec("checkout", new ImageRef("ghcr.io/acme/checkout", tag), Strategy.CANARY,
                List.of(new StepSpec.SetWeight(10), new StepSpec.Analysis(Duration.ofMinutes(2)),
                        new StepSpec.SetWeight(50), new StepSpec.Pause(Duration.ofMinutes(1)),
                        new StepSpec.Analysis(Duration.ofMinutes(2))),
                new AnalysisSpec(Duration.ofSeconds(10), 6, List.of(
                        new MetricCriterion("error_rate", 0.02, null, 2.0),
                        new MetricCriterion("latency_p99_ms", null, null, 1.5))),
                new GitOpsSpec(env.url(), "main", EnvRepoFixture.FILE, new ValueLocator.HelmValue("image.tag"), CredentialsSpec.NONE),
                new SimulationSpec(7, 10, 200, regression));
    }

    /** One controller's view of a rollout: fresh engine and promoter, given store, clock and fleet. */
    private final class Run {
        final SimulatedClock clock;
        final FleetSimulator fleet;
        final CanaryEngine engine;

        Run(RolloutSpec spec, StateStore store) {
            this(spec, store, new SimulatedClock(T0), null);
        }

        Run(RolloutSpec spec, StateStore store, SimulatedClock clock, FleetSimulator fleet) {
            this.clock = clock;
            this.fleet = fleet != null ? fleet : new FleetSimulator(spec.simulation(), clock);
            RolloutContext ctx = new RolloutContext("checkout-" + spec.image().tag(), spec, this.fleet,
                    new AnalysisRunner(this.fleet, new ThresholdJudge(spec.analysis())),
                    new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("work-" + java.util.UUID.randomUUID()))), GitCredentials.ANONYMOUS, store, clock, RolloutListener.NONE,
                    new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5)));
            this.engine = new CanaryEngine(ctx);
        }

        RolloutState toEnd() throws RolloutException {
            return SimulatedRun.toEnd(engine, clock);
        }
    }
}
