package io.devopssim.deploy;

import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HybridEngineTest {
    @TempDir
    Path tmp;

    @Test
    void shouldRunTheCanaryStepsThenCutOverAtOnceAndPromoteByOneCommit() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.hybrid(env, "{}"), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(run.weights()).containsExactly(0, 10, 30, 100);
        assertThat(end.events()).extracting(RolloutEvent::message).contains(
                "step 1/5 setWeight 10: canary gets 10% of requests",
                "cut-over: the active service selects 1.5.0, which gets 100% of requests at once (it had 30%)",
                "scale-down delay 1m: the previous version keeps running, so a rollback is a switch back");
        assertThat(end.events()).filteredOn(e -> e.kind() == Kind.ANALYSIS).hasSize(3)
                .allMatch(e -> e.judgement().verdict() == Verdict.PASSED);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
        assertThat(env.trailers()).hasSize(2);
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote");
    }

    @Test
    void shouldRollBackAtASmallWeightWhenACanaryAnalysisFailsWithoutCuttingOver() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.hybrid(env, "{errorRateDelta: 0.05}"),
                new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(run.weights()).containsExactly(0, 10, 0);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").containsEntry("Verdict", "FAILED");
    }

    @Test
    void shouldSwitchBackAndRevertWhenThePostPromotionAnalysisFails() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.hybrid(env, "{latencyFactor: 1.3}"),
                new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("post-promotion analysis FAILED");
        assertThat(run.weights()).containsExactly(0, 10, 30, 100, 0);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers()).extracting(t -> t.get("Step")).containsExactly(null, "promote", "revert-promotion");
    }
}
