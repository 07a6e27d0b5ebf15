package io.devopssim.deploy;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.history.Decider;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
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

/**
 * Every rollout an engine finishes becomes one labelled example in the release history (the hook sits in the
 * engines' shared Timeline; the canary engine shows it).
 */
class ReleaseHistoryHookTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path tmp;

    private RolloutState run(RolloutSpec spec, JsonLinesHistory history, List<String> warnings) throws Exception {
        SimulatedClock clock = new SimulatedClock(T0);
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("work-" + spec.image().tag())))) {
            RolloutContext ctx = new RolloutContext("checkout-" + spec.image().tag(), spec, fleet,
                    new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())), promoter, GitCredentials.ANONYMOUS,
                    new InMemoryStateStore(), clock, RolloutListener.NONE, new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5)),
                    io.devopssim.core.chaos.ChaosExperiments.NONE, DeploymentVerifier.NONE)
                    .withHistory(new RolloutHistory(history, warnings::add));
            CanaryEngine engine = new CanaryEngine(ctx);
            RolloutState end = SimulatedRun.toEnd(engine, clock);
            // a finished rollout resumed again appends nothing more
            engine.start();
            engine.advance();
            return end;
        }
    }

    @Test
    void aPromotionAndARollbackEachAppendOneEntryWithTheDecidingWindow() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp.resolve("env"));
        JsonLinesHistory history = new JsonLinesHistory(tmp.resolve("state/history.jsonl"));
        List<String> warnings = new ArrayList<>();

        run(CanaryEngineTest.spec(env, "1.5.0", RegressionSpec.NONE), history, warnings);
        run(CanaryEngineTest.spec(env, "1.6.0", new RegressionSpec(0.05, 1, 1)), history, warnings);

        List<HistoryEntry> entries = history.read().entries();
        assertThat(warnings).isEmpty();
        assertThat(entries).extracting(HistoryEntry::rolloutId).containsExactly("checkout-1.5.0", "checkout-1.6.0");
        HistoryEntry promoted = entries.get(0);
        HistoryEntry rolledBack = entries.get(1);
        assertThat(promoted.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(promoted.decidedBy()).isEqualTo(new Decider(Decider.Kind.JUDGE, "threshold"));
        assertThat(promoted.window().weight()).as("the last analysis, at 50%").isEqualTo(50);
        assertThat(rolledBack.outcome()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(rolledBack.judgement().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(rolledBack.window().weight()).isEqualTo(10);
        assertThat(rolledBack.window().series()).containsKeys(StandardMetrics.ALL.toArray(String[]::new));
        assertThat(rolledBack.window().series().get(StandardMetrics.CPU_CORES).canary().values()).hasSize(12);
    }
}
