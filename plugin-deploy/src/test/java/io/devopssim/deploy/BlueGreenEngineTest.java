package io.devopssim.deploy;

import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlueGreenEngineTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("a healthy preview is judged, cut over at once, committed, judged again, and the old version scaled down after the delay")
    void shouldPromoteAHealthyPreviewByOneCutOverAndOneCommit() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.blueGreen(env, "{}"), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.events()).extracting(RolloutEvent::kind).containsExactly(Kind.STARTED, Kind.ANALYSIS_STARTED,
                Kind.ANALYSIS, Kind.WEIGHT, Kind.COMMITTED, Kind.ANALYSIS_STARTED, Kind.ANALYSIS, Kind.PAUSE_STARTED,
                Kind.PROMOTED);
        assertThat(end.events().get(2).message()).startsWith("pre-promotion analysis 2m: PASSED");
        assertThat(end.events().get(6).message()).startsWith("post-promotion analysis 2m: PASSED");
        // atomic: the users' traffic went from 0 to 100 in one move, and stays on the release
        assertThat(run.weights()).containsExactly(0, 100);
        assertThat(run.fleet.canaryWeight()).isEqualTo(100);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
        assertThat(env.trailers()).hasSize(2);
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote").containsEntry("Verdict", "PASSED");
        // the old version kept running for scaleDownDelaySeconds (30 by default) after the post-promotion analysis
        RolloutEvent delay = end.events().get(7);
        assertThat(Duration.between(delay.time(), end.events().get(8).time())).isEqualTo(Duration.ofSeconds(30));
        assertThat(end.events().get(8).commitId()).isEqualTo(end.events().get(4).commitId());
    }

    @Test
    void shouldNeverCutOverWhenThePrePromotionAnalysisFails() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.blueGreen(env, "{errorRateDelta: 0.05}"),
                new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("pre-promotion analysis FAILED: error_rate canary");
        assertThat(run.weights()).as("no user request ever reached the preview").containsExactly(0);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").containsEntry("Verdict", "FAILED");
        assertThat(env.trailers()).hasSize(2);
    }

    @Test
    void shouldSwitchBackAndRevertTheCommitWhenThePostPromotionAnalysisFails() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        // 30% slower: within the pre-promotion ratio (1.5x the active version), above the absolute 150 ms after it
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.blueGreen(env, "{latencyFactor: 1.3}"),
                new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("post-promotion analysis FAILED: latency_p99_ms canary");
        assertThat(end.events()).filteredOn(e -> e.kind() == Kind.ANALYSIS).extracting(e -> e.judgement().verdict())
                .containsExactly(Verdict.PASSED, Verdict.FAILED);
        assertThat(run.weights()).containsExactly(0, 100, 0);
        assertThat(end.events().get(end.events().size() - 2).message()).isEqualTo(CutOver.SWITCH_BACK);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers()).hasSize(3);
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote");
        assertThat(env.trailers().get(2)).containsEntry("Step", "revert-promotion").containsEntry("Verdict", "FAILED");
    }

    @Test
    void shouldWaitForApprovalBeforeTheCutOverWhenAutoPromotionIsOff() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        InMemoryStateStore store = new InMemoryStateStore();
        RolloutSpec spec = StrategyRun.Specs.read(env, """
                strategy: blueGreen
                blueGreen:
                  autoPromotionEnabled: false
                  scaleDownDelaySeconds: 0
                """, "{}");
        StrategyRun run = new StrategyRun(tmp, spec, store);

        RolloutState paused = run.toEnd();

        assertThat(paused.phase()).isEqualTo(RolloutPhase.PAUSED);
        assertThat(paused.events().get(paused.events().size() - 1).message())
                .isEqualTo("paused until approved: the cut-over to 1.5.0 waits (autoPromotionEnabled is false)");
        assertThat(run.weights()).containsExactly(0);
        assertThat(env.trailers()).hasSize(1);

        new RolloutControl(store).approve(paused.rolloutId(), "alice", run.clock.now());
        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(run.weights()).containsExactly(0, 100);
        assertThat(end.events()).extracting(RolloutEvent::kind).containsSubsequence(Kind.APPROVED, Kind.WEIGHT,
                Kind.COMMITTED, Kind.PROMOTED);
    }

    @Test
    void shouldSwitchBackAndRevertWhenAbortedDuringTheScaleDownDelay() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.read(env, """
                strategy: blueGreen
                blueGreen: {scaleDownDelaySeconds: 600}
                """, "{}"), new InMemoryStateStore());
        run.engine.start();
        RolloutState waiting = run.engine.advance();
        assertThat(waiting.events().get(waiting.events().size() - 1).message()).startsWith("scale-down delay 10m");

        run.clock.advance(Duration.ofMinutes(3));
        run.engine.abort("a customer reported errors");
        RolloutState end = run.engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(run.weights()).containsExactly(0, 100, 0);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(2)).containsEntry("Step", "revert-promotion").doesNotContainKey("Verdict");
    }

    @Test
    void aCanaryEngineRefusesAnotherStrategysSpecWhichWouldPromoteUnjudged() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        RolloutSpec spec = StrategyRun.Specs.blueGreen(env, "{}");
        StrategyRun run = new StrategyRun(tmp, spec, new InMemoryStateStore());
        RolloutContext ctx = new RolloutContext("checkout-1.5.0", spec, run.fleet,
                new io.devopssim.core.judge.AnalysisRunner(run.fleet, new io.devopssim.core.judge.ThresholdJudge(spec.analysis())),
                new io.devopssim.core.gitops.GitPromoter(io.devopssim.core.gitops.PromoterOptions.defaults()
                        .withWorkRoot(tmp.resolve("c"))), io.devopssim.core.gitops.GitCredentials.ANONYMOUS,
                new InMemoryStateStore(), run.clock, RolloutListener.NONE, RolloutContext.RetryPolicy.DEFAULT);

        assertThatThrownBy(() -> new CanaryEngine(ctx)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a canary engine for a blueGreen spec; RolloutEngines.create picks the engine of its strategy");
        assertThat(RolloutEngines.create(ctx)).isInstanceOf(BlueGreenEngine.class);
    }

    @Test
    void shouldRefuseAPrePromotionAnalysisBeforeAnythingWhenTheRuntimeCannotSeeThePreview() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        RolloutSpec spec = StrategyRun.Specs.blueGreen(env, "{}");
        InMemoryStateStore store = new InMemoryStateStore();
        StrategyRun run = new StrategyRun(tmp, spec, store);
        // a runtime with one runner over the live fleet (as the Jenkins simulator runtime builds it)
        RolloutContext plain = new RolloutContext("checkout-1.5.0", spec, run.fleet,
                new io.devopssim.core.judge.AnalysisRunner(run.fleet, new io.devopssim.core.judge.ThresholdJudge(spec.analysis())),
                new io.devopssim.core.gitops.GitPromoter(io.devopssim.core.gitops.PromoterOptions.defaults()
                        .withWorkRoot(tmp.resolve("plain"))), io.devopssim.core.gitops.GitCredentials.ANONYMOUS, store,
                run.clock, RolloutListener.NONE, RolloutContext.RetryPolicy.DEFAULT);

        assertThatThrownBy(() -> RolloutEngines.create(plain).start()).isInstanceOf(RolloutException.class)
                .hasMessage("blueGreen.prePromotionAnalysis: this runtime cannot judge a blue-green preview (it has no"
                        + " metrics of the preview under test traffic)");
        assertThat(store.load("checkout-1.5.0")).isEmpty();
        assertThat(env.trailers()).hasSize(1);
    }
}
