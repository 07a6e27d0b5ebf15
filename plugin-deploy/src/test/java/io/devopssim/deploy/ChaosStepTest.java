package io.devopssim.deploy;

import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.InMemoryExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.RolloutChaos;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canary's {@code chaos} step, run by the real chaos engine against the simulated fleet. */
class ChaosStepTest {
    @TempDir
    Path tmp;

    private static String experiment(int latencyMs, double p99Max) {
        return """
                name: slow-network
                faults:
                  - latency: {ms: %d}
                duration: 1m
                hypothesis:
                  interval: 10s
                  recoveryTimeout: 1m
                  probes:
                    - {name: canary-p99, metric: latency_p99_ms, max: %s}
                abort: {afterFailedChecks: 2}
                """.formatted(latencyMs, p99Max);
    }

    @Test
    void shouldGoOnWhenTheHypothesisHoldsUnderTheFault() throws Exception {
        Fixture f = new Fixture(experiment(30, 400));
        RolloutState end = SimulatedRun.toEnd(f.engine, f.clock);

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        RolloutEvent chaos = end.events().stream().filter(e -> e.kind() == RolloutEvent.Kind.CHAOS).findFirst().orElseThrow();
        assertThat(chaos.chaos().hypothesisHeld()).isTrue();
        assertThat(chaos.message()).contains("chaos slow-network: COMPLETED, hypothesis held");
        assertThat(f.fleet.regression()).isEqualTo(RegressionSpec.NONE);
    }

    @Test
    void shouldHandTheChaosResultToTheAnalysisThatFollowsItAndNotToTheOneBefore() throws Exception {
        Fixture f = new Fixture(experiment(30, 400));
        RolloutState end = SimulatedRun.toEnd(f.engine, f.clock);

        RolloutEvent chaos = end.events().stream().filter(e -> e.kind() == RolloutEvent.Kind.CHAOS).findFirst().orElseThrow();
        assertThat(f.judged).hasSize(2);
        assertThat(f.judged.get(0).chaos()).isNull();
        assertThat(f.judged.get(1).chaos()).isNotNull().isEqualTo(chaos.chaos());
    }

    @Test
    void shouldRollBackWhenTheFaultBreaksTheSteadyStateAndLeaveNoFaultRunning() throws Exception {
        Fixture f = new Fixture(experiment(400, 200));
        RolloutState end = SimulatedRun.toEnd(f.engine, f.clock);

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("chaos slow-network: steady-state hypothesis broken (ABORTED)");
        assertThat(f.fleet.regression()).isEqualTo(RegressionSpec.NONE);
        assertThat(f.fleet.canaryWeight()).isZero();
        assertThat(f.env.trailers().get(1)).containsEntry("Step", "rollback");
    }

    @Test
    void shouldHaltTheFaultWhenAbortedInTheMiddleOfTheExperiment() throws Exception {
        Fixture f = new Fixture(experiment(30, 400));
        f.engine.start();
        RolloutState s = f.engine.advance();
        while (s.events().stream().noneMatch(e -> e.kind() == RolloutEvent.Kind.CHAOS_STARTED)) {
            f.clock.advanceTo(s.waitUntil());
            s = f.engine.advance();
        }
        assertThat(f.fleet.regression()).as("fault in force").isNotEqualTo(RegressionSpec.NONE);

        f.engine.abort("build aborted");
        RolloutState end = f.engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(f.fleet.regression()).isEqualTo(RegressionSpec.NONE);
        assertThat(f.fleet.canaryWeight()).isZero();
    }

    @Test
    void shouldRefuseAnInvalidExperimentBeforeAnySideEffect() throws Exception {
        Fixture f = new Fixture("name: x\nfaults:\n  - earthquake: {}\nduration: 1m\n");

        assertThatThrownBy(f.engine::start).isInstanceOf(RolloutException.class)
                .hasMessageContaining("steps[2].chaos.faults[0]").hasMessageContaining("earthquake");
        assertThat(f.env.trailers()).hasSize(1);
        assertThat(f.fleet.canaryWeight()).isZero();
    }

    private final class Fixture {
        final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
        final EnvRepoFixture env;
        final FleetSimulator fleet;
        final CanaryEngine engine;
        final List<AnalysisInput> judged = new ArrayList<>();

        Fixture(String experimentYaml) throws Exception {
            env = new EnvRepoFixture(tmp.resolve("repo-" + System.nanoTime()));
            RolloutSpec base = CanaryEngineTest.spec(env, "1.5.0", RegressionSpec.NONE);
            List<StepSpec> steps = new ArrayList<>(List.of(new StepSpec.SetWeight(20),
                    new StepSpec.Analysis(Duration.ofMinutes(2)), new StepSpec.Chaos("slow-network", experimentYaml),
                    new StepSpec.Analysis(Duration.ofMinutes(2))));
            RolloutSpec spec = new RolloutSpec(base.app(), base.image(), base.strategy(), steps, base.analysis(),
                    base.gitops(), base.simulation());
            fleet = new FleetSimulator(spec.simulation(), clock);
            InMemoryExperimentStore experiments = new InMemoryExperimentStore();
            RolloutChaos chaos = new RolloutChaos(
                    new ChaosRunner(new SimulatorBackend(fleet), fleet, new JdkHttpProber(), clock, experiments), experiments);
            engine = new CanaryEngine(new RolloutContext("checkout-1.5.0", spec, fleet,
                    new AnalysisRunner(fleet, input -> {
                        judged.add(input);
                        return new ThresholdJudge(spec.analysis()).judge(input);
                    }),
                    new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("work-" + System.nanoTime()))),
                    GitCredentials.ANONYMOUS, new InMemoryStateStore(), clock, RolloutListener.NONE,
                    new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5)), chaos));
        }
    }
}
