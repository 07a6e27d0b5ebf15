package io.devopssim.deploy;

import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.forecast.RequestRateForecasts;
import io.devopssim.core.forecast.SameTimeYesterday;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.sim.FleetState;
import io.devopssim.core.sim.Version;
import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code setCanaryScale: {forecast: ...}} on the simulator: the service's rate forecast from its own history (by a
 * seasonal naive model of core, since this module cannot see plugin-ml-gate's) and the
 * canary sized for its share at every weight after.
 */
class CanaryForecastScaleTest {
    private static final String STEPS = """
            steps:
              - setCanaryScale: {forecast: {requestsPerReplica: 20}}
              - setWeight: 10
              - analysis: {window: 2m}
              - setWeight: 40
              - analysis: {window: 2m}
            """;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the canary runs the replicas its share of the forecast rate needs, at each weight, and none once promoted")
    void shouldSizeTheCanaryFromTheForecastAtEveryWeight() throws Exception {
        RolloutSpec spec = StrategyRun.Specs.read(new EnvRepoFixture(tmp), STEPS, "{}");
        SimulatedClock clock = new SimulatedClock(StrategyRun.T0);
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        RolloutEngine engine = engine(spec, clock, fleet, new ModelForecasts(SameTimeYesterday.DAILY, fleet, clock));

        RolloutState end = SimulatedRun.toEnd(engine, clock);

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        CanaryScale sized = fleet.history().get(1).canaryScale();
        double forecast = sized.forecast().requestsPerSecond();
        // 200 req/s swinging +-20 % a day: about 228 req/s at 09:05 UTC, yesterday's value within the 3 % noise
        assertThat(forecast).isCloseTo(228, within(228 * 0.1));
        // the scale and the first weight are set at the same instant: one state; 10 % of ~228 with 25 % headroom at 20 req/s a replica: 1.4 -> 2; 40 %: 5.7 -> 6
        assertThat(fleet.history()).extracting(FleetState::canaryWeight, s -> s.pods(Version.CANARY, 10)).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(10, 2), org.assertj.core.groups.Tuple.tuple(40, 6),
                org.assertj.core.groups.Tuple.tuple(0, 0));
        assertThat(end.events()).filteredOn(e -> e.kind() == Kind.SCALE).extracting(RolloutEvent::message).containsExactly(
                String.format(java.util.Locale.ROOT, "step 1/5 setCanaryScale: the canary runs replicas for its share of a forecast"
                        + " %.0f req/s (20 req/s each, +25%%, 1..10000) at 0%% of requests: 0 replicas now (same time yesterday:"
                        + " %.0f req/s at 09:05 UTC)", forecast, forecast),
                "promotion: the canary runs replicas matching the traffic weight");
        assertThat(fleet.snapshot().versions().get(Version.CANARY).pods()).isZero();
    }

    @Test
    @DisplayName("a controller restarted mid-rollout sizes the canary again on a fresh forecast when the fleet lost its scale")
    void shouldSizeAgainAfterARestart() throws Exception {
        RolloutSpec spec = StrategyRun.Specs.read(new EnvRepoFixture(tmp), STEPS, "{}");
        SimulatedClock clock = new SimulatedClock(StrategyRun.T0);
        InMemoryStateStore store = new InMemoryStateStore();
        FleetSimulator first = new FleetSimulator(spec.simulation(), clock);
        RolloutEngine before = RolloutEngines.create(context(spec, clock, first, store,
                new ModelForecasts(SameTimeYesterday.DAILY, first, clock)));
        before.start();
        RolloutState waiting = before.advance();
        assertThat(first.canaryScale().needsForecast()).as("sized before the restart").isFalse();
        assertThat(first.canaryScale().forecast()).isNotNull();
        clock.advanceTo(waiting.waitUntil());

        first.setCanaryScale(CanaryScale.MATCH_TRAFFIC_WEIGHT);   // the cluster outlives the controller, but lost the scale
        RolloutEngine after = RolloutEngines.create(context(spec, clock, first, store,
                new ModelForecasts(SameTimeYesterday.DAILY, first, clock)));
        after.start();

        CanaryScale resized = first.canaryScale();
        assertThat(resized.needsForecast()).isFalse();
        assertThat(resized.forecast().sizing()).isEqualTo(((StepSpec.SetCanaryScale) spec.steps().get(0)).scale().forecast().sizing());
        assertThat(resized.forecast().requestsPerSecond()).isCloseTo(228, within(228 * 0.1));
        RolloutState end = SimulatedRun.toEnd(after, clock);
        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
    }

    @Test
    @DisplayName("a forecast that cannot be made rolls the release back with the reason, never sizes on a guess")
    void shouldRollBackWhenNoForecastCanBeMade() throws Exception {
        RolloutSpec spec = StrategyRun.Specs.read(new EnvRepoFixture(tmp), STEPS, "{}");
        SimulatedClock clock = new SimulatedClock(StrategyRun.T0);
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        MetricsProvider down = query -> {
            throw new MetricsUnavailableException("prometheus: connection refused");
        };
        RolloutEngine engine = engine(spec, clock, fleet, new ModelForecasts(SameTimeYesterday.DAILY, down, clock));

        RolloutState end = SimulatedRun.toEnd(engine, clock);

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).isEqualTo("canary sizing failed: no request-rate history: prometheus: connection refused");
        assertThat(fleet.history()).extracting(FleetState::canaryScale).containsOnly(CanaryScale.MATCH_TRAFFIC_WEIGHT);
        assertThat(fleet.canaryWeight()).isZero();
    }

    @Test
    @DisplayName("without a forecaster the spec is refused before anything happens")
    void shouldRefuseAForecastScaleWithoutAForecaster() throws Exception {
        RolloutSpec spec = StrategyRun.Specs.read(new EnvRepoFixture(tmp), STEPS, "{}");
        SimulatedClock clock = new SimulatedClock(StrategyRun.T0);
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        InMemoryStateStore store = new InMemoryStateStore();
        RolloutContext ctx = context(spec, clock, fleet, store, RequestRateForecasts.NONE);

        assertThatThrownBy(() -> new CanaryEngine(ctx).start()).isInstanceOf(RolloutException.class)
                .hasMessage("steps[0].setCanaryScale.forecast: no load forecaster is available (devsim-ml-gate provides one)");
        assertThat(store.load(ctx.rolloutId())).isEmpty();
        assertThat(fleet.history()).hasSize(1);
    }

    private RolloutEngine engine(RolloutSpec spec, SimulatedClock clock, FleetSimulator fleet, RequestRateForecasts forecasts) {
        return RolloutEngines.create(context(spec, clock, fleet, new InMemoryStateStore(), forecasts));
    }

    private RolloutContext context(RolloutSpec spec, SimulatedClock clock, FleetSimulator fleet, InMemoryStateStore store,
                                   RequestRateForecasts forecasts) {
        return new RolloutContext("checkout-1.5.0", spec, fleet, new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())),
                new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("work"))), GitCredentials.ANONYMOUS, store,
                clock, RolloutListener.NONE, new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5)))
                .withForecasts(forecasts);
    }
}
