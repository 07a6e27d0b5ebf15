package io.devopssim.deploy;

import io.devopssim.core.sim.FleetState;
import io.devopssim.core.sim.Version;
import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanaryScaleStepTest {
    @TempDir
    Path tmp;

    static RolloutSpec spec(EnvRepoFixture env, String regression) {
        return StrategyRun.Specs.read(env, """
                steps:
                  - setCanaryScale: {replicas: 3}
                  - setWeight: 10
                  - analysis: {window: 2m}
                  - setCanaryScale: {weight: 50}
                  - setWeight: 20
                  - analysis: {window: 2m}
                """, regression);
    }

    @Test
    void shouldRunTheCanaryAtItsScaleApartFromItsWeightAndMatchItAgainOncePromoted() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, spec(env, "{}"), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(run.fleet.history()).extracting(FleetState::canaryWeight, FleetState::canaryScale).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, CanaryScale.MATCH_TRAFFIC_WEIGHT),
                org.assertj.core.groups.Tuple.tuple(10, CanaryScale.replicas(3)),
                org.assertj.core.groups.Tuple.tuple(20, CanaryScale.weight(50)),
                org.assertj.core.groups.Tuple.tuple(0, CanaryScale.MATCH_TRAFFIC_WEIGHT));
        assertThat(end.events()).extracting(RolloutEvent::message).contains(
                "step 1/6 setCanaryScale: the canary runs 3 replicas at 0% of requests",
                "step 4/6 setCanaryScale: the canary runs 50% of the replicas at 10% of requests",
                "promotion: the canary runs replicas matching the traffic weight");
        assertThat(run.fleet.snapshot().versions().get(Version.CANARY).pods()).isZero();
    }

    @Test
    void shouldMatchTheWeightAgainWhenRolledBack() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, spec(env, "{errorRateDelta: 0.05}"), new InMemoryStateStore());

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(run.fleet.canaryScale()).isEqualTo(CanaryScale.MATCH_TRAFFIC_WEIGHT);
        assertThat(run.fleet.canaryWeight()).isZero();
        assertThat(end.events()).filteredOn(e -> e.kind() == Kind.SCALE).extracting(RolloutEvent::message)
                .containsExactly("step 1/6 setCanaryScale: the canary runs 3 replicas at 0% of requests",
                        "rollback: the canary runs replicas matching the traffic weight");
    }

    @Test
    void shouldRefuseARouterThatCannotScaleTheCanaryBeforeAnything() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        RolloutSpec spec = spec(env, "{}");
        StrategyRun run = new StrategyRun(tmp, spec, new InMemoryStateStore());
        TrafficRouter weightsOnly = new TrafficRouter() {
            @Override
            public void setCanaryWeight(int percent) throws io.devopssim.core.traffic.TrafficRoutingException {
                run.fleet.setCanaryWeight(percent);
            }

            @Override
            public int canaryWeight() {
                return run.fleet.canaryWeight();
            }
        };
        InMemoryStateStore store = new InMemoryStateStore();
        RolloutContext ctx = new RolloutContext("checkout-1.5.0", spec, weightsOnly,
                new io.devopssim.core.judge.AnalysisRunner(run.fleet, new io.devopssim.core.judge.ThresholdJudge(spec.analysis())),
                new io.devopssim.core.gitops.GitPromoter(io.devopssim.core.gitops.PromoterOptions.defaults()
                        .withWorkRoot(tmp.resolve("w"))), io.devopssim.core.gitops.GitCredentials.ANONYMOUS, store, run.clock,
                RolloutListener.NONE, RolloutContext.RetryPolicy.DEFAULT);

        assertThatThrownBy(() -> new CanaryEngine(ctx).start()).isInstanceOf(RolloutException.class)
                .hasMessageStartingWith("steps[0].setCanaryScale: the traffic router (")
                .hasMessageEndingWith(") cannot scale the canary apart from its weight");
        assertThat(store.load("checkout-1.5.0")).isEmpty();
        assertThat(run.fleet.history()).hasSize(1);
    }
}
