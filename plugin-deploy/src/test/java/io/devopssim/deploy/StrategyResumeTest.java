package io.devopssim.deploy;

import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blue-green, hybrid and rolling rollouts stopped at every transition (a crash injected at every save, also
 * between a side effect and its save) and resumed from the saved state end as an uninterrupted run: the same
 * timeline, verdicts and weights, the same Git history, no commit twice. Aborted at every transition, they end
 * with the stable version back, by commit.
 */
class StrategyResumeTest {
    @TempDir
    Path tmp;

    /**
     * A rollout to stop: its spec, the canary's regression, and whether a fault appears in the fleet once 60% of
     * the requests reach the release (a rolling update's third batch).
     */
    private record Case(String name, BiFunction<EnvRepoFixture, String, RolloutSpec> spec, String regression,
                        boolean faultAt60) {
    }

    @Test
    @DisplayName("stopped at every transition and resumed, blue-green, hybrid and rolling rollouts (also on GitOps) end as uninterrupted ones")
    void shouldEndAsAnUninterruptedRunWhenStoppedAtEveryTransition() throws Exception {
        List<Case> cases = List.of(
                new Case("blue-green", StrategyRun.Specs::blueGreen, "{}", false),
                new Case("blue-green, post-promotion fails", StrategyRun.Specs::blueGreen, "{latencyFactor: 1.3}", false),
                new Case("hybrid", StrategyRun.Specs::hybrid, "{}", false),
                new Case("rolling, batch 3 unhealthy", StrategyRun.Specs::rolling, "{}", true),
                new Case("canary with setCanaryScale", CanaryScaleStepTest::spec, "{}", false),
                new Case("blue-green on GitOps", StrategyRun.Specs::blueGreenOnGitOps, "{}", false),
                new Case("blue-green on GitOps, post-promotion fails", StrategyRun.Specs::blueGreenOnGitOps,
                        "{latencyFactor: 1.3}", false),
                new Case("rolling on GitOps, batch 3 unhealthy", StrategyRun.Specs::rollingOnGitOps, "{}", true),
                new Case("hybrid on GitOps", StrategyRun.Specs::hybridOnGitOps, "{}", false),
                new Case("hybrid on GitOps, post-promotion fails", StrategyRun.Specs::hybridOnGitOps, "{latencyFactor: 1.3}",
                        false));
        Map<String, List<String>> gitOpsSteps = Map.of(
                "hybrid on GitOps", List.of("traffic-step-1", "traffic-step-3", "traffic-cut-over", "promote"),
                "hybrid on GitOps, post-promotion fails", List.of("traffic-step-1", "traffic-step-3", "traffic-cut-over",
                        "promote", "traffic-revert-cut-over", "traffic-revert-step-3", "traffic-revert-step-1",
                        "revert-promotion"),
                "blue-green on GitOps", List.of("traffic-cut-over", "promote"),
                "blue-green on GitOps, post-promotion fails", List.of("traffic-cut-over", "promote", "traffic-revert-cut-over",
                        "revert-promotion"),
                "rolling on GitOps, batch 3 unhealthy", List.of("traffic-batch-1", "traffic-batch-2", "traffic-batch-3",
                        "traffic-revert-batch-3", "traffic-revert-batch-2", "traffic-revert-batch-1", "rollback"));
        for (Case c : cases) {
            EnvRepoFixture seed = new EnvRepoFixture(tmp.resolve(c.name() + "-seed"));
            EnvRepoFixture reference = seed.copy(tmp.resolve(c.name() + "-ref"));
            CrashingStore counted = CrashingStore.counting(new InMemoryStateStore());
            Runs ref = new Runs(c, reference, new SimulatedClock(StrategyRun.T0));
            RolloutState expected = ref.run(counted).toEnd();
            assertThat(expected.phase()).as(c.name()).isIn(RolloutPhase.PROMOTED, RolloutPhase.ROLLED_BACK);
            if (gitOpsSteps.containsKey(c.name())) {
                assertThat(reference.trailers().stream().map(t -> t.get("Step")).filter(java.util.Objects::nonNull).toList())
                        .as(c.name() + ": one commit per traffic change, taken back by reverts")
                        .isEqualTo(gitOpsSteps.get(c.name()));
            }

            for (int crashAt = 1; crashAt <= counted.saves(); crashAt++) {
                String as = c.name() + ", crash at save " + crashAt + " of " + counted.saves();
                EnvRepoFixture env = seed.copy(tmp.resolve(c.name() + "-" + crashAt));
                InMemoryStateStore durable = new InMemoryStateStore();
                Runs runs = new Runs(c, env, new SimulatedClock(StrategyRun.T0));
                RolloutState end;
                try {
                    end = runs.run(new CrashingStore(durable, crashAt)).toEnd();
                } catch (CrashingStore.Crash crash) {
                    end = runs.run(durable).toEnd();
                }

                assertThat(summary(end)).as(as).isEqualTo(summary(expected));
                assertThat(env.trailers()).as(as).isEqualTo(reference.trailers());
                assertThat(env.file()).as(as).isEqualTo(reference.file());
                assertThat(env.file(EnvRepoFixture.TRAFFIC_FILE)).as(as).isEqualTo(reference.file(EnvRepoFixture.TRAFFIC_FILE));
                assertThat(env.trailers().stream().map(t -> t.get("Step")).filter(java.util.Objects::nonNull).toList())
                        .as(as + ": no commit twice").doesNotHaveDuplicates();
                assertThat(runs.live.history()).as(as).isEqualTo(ref.live.history());
            }
        }
    }

    @Test
    @DisplayName("aborted at every transition, blue-green, hybrid and rolling rollouts give the stable version back by commit")
    void shouldRestoreTheStableVersionWhenAbortedAtEveryTransition() throws Exception {
        List<Case> cases = List.of(
                new Case("blue-green", StrategyRun.Specs::blueGreen, "{}", false),
                new Case("hybrid", StrategyRun.Specs::hybrid, "{}", false),
                new Case("rolling", StrategyRun.Specs::rolling, "{}", false),
                new Case("blue-green on GitOps", StrategyRun.Specs::blueGreenOnGitOps, "{}", false),
                new Case("rolling on GitOps", StrategyRun.Specs::rollingOnGitOps, "{}", false),
                new Case("hybrid on GitOps", StrategyRun.Specs::hybridOnGitOps, "{}", false));
        for (Case c : cases) {
            EnvRepoFixture seed = new EnvRepoFixture(tmp.resolve(c.name() + "-seed"));
            CrashingStore counted = CrashingStore.counting(new InMemoryStateStore());
            new Runs(c, seed.copy(tmp.resolve(c.name() + "-ref")), new SimulatedClock(StrategyRun.T0)).run(counted).toEnd();

            for (int stopAt = 2; stopAt <= counted.saves(); stopAt++) {
                String as = c.name() + ", aborted at save " + stopAt + " of " + counted.saves();
                EnvRepoFixture env = seed.copy(tmp.resolve(c.name() + "-abort-" + stopAt));
                InMemoryStateStore durable = new InMemoryStateStore();
                Runs runs = new Runs(c, env, new SimulatedClock(StrategyRun.T0));
                try {
                    runs.run(new CrashingStore(durable, stopAt)).toEnd();
                } catch (CrashingStore.Crash crash) {
                    // stopped just before the save: the abort comes from outside, then the engine resumes
                }
                StrategyRun resumed = runs.run(durable);
                resumed.engine.start();
                resumed.engine.abort("stopped at save " + stopAt);
                RolloutState end = resumed.toEnd();

                // the last save is the one that ends the rollout, so every stop here is before the end
                assertThat(end.phase()).as(as).isEqualTo(RolloutPhase.ABORTED);
                assertThat(runs.live.canaryWeight()).as(as).isZero();
                assertThat(env.file()).as(as).isEqualTo(EnvRepoFixture.VALUES);
                assertThat(env.file(EnvRepoFixture.TRAFFIC_FILE)).as(as + ": every weight commit reverted")
                        .isEqualTo(EnvRepoFixture.TRAFFIC);
                List<Map<String, String>> trailers = env.trailers();
                assertThat(trailers.get(trailers.size() - 1).get("Step")).as(as).isIn("rollback", "revert-promotion");
                assertThat(trailers.stream().map(t -> t.get("Step")).toList()).as(as + ": no step twice").doesNotHaveDuplicates();
                assertThat(end.events()).as(as).filteredOn(e -> e.kind() == Kind.ABORT_REQUESTED).hasSize(1);
            }
        }
    }

    private static List<String> summary(RolloutState s) {
        // a resumed rollout finds a commit it made before it stopped "already in history"; ids differ per repository
        return s.events().stream().map(e -> e.kind() + "@" + e.weight() + "@" + e.time() + "@" + e.message()
                .replace(" (already in history)", "").replaceAll("commit [0-9a-f]{8}", "commit ?") + (e.judgement() == null ? ""
                : "@" + e.judgement().verdict() + "@" + e.judgement().score())).toList();
    }

    /** The cluster (fleet and preview bench) outlives the controllers that run the rollout on it. */
    private final class Runs {
        final Case c;
        final EnvRepoFixture env;
        final SimulatedClock clock;
        final RolloutSpec spec;
        final FleetSimulator live;
        final FleetSimulator bench;

        Runs(Case c, EnvRepoFixture env, SimulatedClock clock) {
            this.c = c;
            this.env = env;
            this.clock = clock;
            this.spec = c.spec().apply(env, c.regression());
            this.live = new FleetSimulator(spec.simulation(), clock);
            this.bench = PreviewBench.create(spec.simulation(), clock);
        }

        StrategyRun run(StateStore store) {
            RolloutListener listener = RolloutListener.NONE;
            if (c.faultAt60()) {
                // batch 3 of the rolling update meets a fault, whichever controller moves it
                listener = (state, event) -> {
                    if (event.kind() == Kind.WEIGHT && event.weight() == 60 && state.phase() == RolloutPhase.PROGRESSING) {
                        live.setRegression(new RegressionSpec(0.05, 1, 1));
                    }
                };
            }
            return new StrategyRun(tmp, spec, store, clock, live, bench, listener);
        }
    }
}
