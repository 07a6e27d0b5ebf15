package io.devopssim.deploy;

import io.devopssim.core.spec.AnalysisCheck;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.IntOrPercent;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.RollingSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollingUpdateEngineTest {
    @TempDir
    Path tmp;

    @Test
    void shouldReplaceTheReplicasBatchByBatchCheckEachAndPromoteByOneCommit() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.rolling(env, "{}"), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        // 10 replicas, maxSurge 1 + maxUnavailable 1: two replicas per batch
        assertThat(run.weights()).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(end.events().get(0).message()).isEqualTo("rolling out ghcr.io/acme/checkout:1.5.0 as a rolling update"
                + " of 10 replicas in 5 batches (maxSurge 1 = 1, maxUnavailable 1 = 1); helm image.tag is 1.4.2 now");
        assertThat(end.events()).extracting(RolloutEvent::message).contains(
                "batch 2/5: 4 of 10 replicas run 1.5.0, 40% of requests");
        assertThat(end.events()).filteredOn(e -> e.kind() == Kind.ANALYSIS).hasSize(5)
                .allMatch(e -> e.message().contains("health check 1m") && e.judgement().verdict().promotes());
        assertThat(run.fleet.canaryWeight()).as("every replica runs the release").isEqualTo(100);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
        assertThat(env.trailers()).hasSize(2);
    }

    @Test
    void shouldRollBackBatchByBatchWhenABatchIsUnhealthy() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun[] run = new StrategyRun[1];
        // a fault that shows once three batches run the release (a dependency saturating, say)
        RolloutListener fault = (state, event) -> {
            if (event.kind() == Kind.WEIGHT && event.weight() == 60) {
                run[0].fleet.setRegression(new RegressionSpec(0.05, 1, 1));
            }
        };
        run[0] = new StrategyRun(tmp, StrategyRun.Specs.rolling(env, "{}"), new InMemoryStateStore(),
                new io.devopssim.core.time.SimulatedClock(StrategyRun.T0), null, null, fault);

        RolloutState end = run[0].toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("batch 3/5 unhealthy: FAILED: error_rate canary");
        assertThat(end.events()).filteredOn(e -> e.kind() == Kind.WEIGHT).extracting(RolloutEvent::message).containsExactly(
                "batch 1/5: 2 of 10 replicas run 1.5.0, 20% of requests",
                "batch 2/5: 4 of 10 replicas run 1.5.0, 40% of requests",
                "batch 3/5: 6 of 10 replicas run 1.5.0, 60% of requests",
                "rollback: 4 of 10 replicas run 1.5.0, 40% of requests",
                "rollback: 2 of 10 replicas run 1.5.0, 20% of requests",
                "rollback: every replica runs the stable version again");
        assertThat(run[0].fleet.canaryWeight()).isZero();
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(1)).containsEntry("Step", "rollback").containsEntry("Verdict", "FAILED");
    }

    @Test
    void batchesMergeWhenAWholePercentageCannotTellThemApart() {
        var check = new RollingSpec(new IntOrPercent(1, false), new IntOrPercent(1, false), new AnalysisCheck(
                Duration.ofMinutes(1), new AnalysisSpec(Duration.ofSeconds(10), 5, List.of()), true));
        assertThat(RollingBatches.of(check, 10)).extracting(RollingBatches.Batch::weight).containsExactly(20, 40, 60, 80, 100);
        assertThat(RollingBatches.of(check, 3)).containsExactly(new RollingBatches.Batch(2, 66), new RollingBatches.Batch(3, 100));
        // 1,000 replicas two at a time: 500 batches, but only 100 whole percentages
        assertThat(RollingBatches.of(check, 1000)).hasSize(100).last().isEqualTo(new RollingBatches.Batch(1000, 100));
        assertThat(RollingBatches.of(check, 1000).get(0)).isEqualTo(new RollingBatches.Batch(18, 1));
    }
}
