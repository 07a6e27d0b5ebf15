package io.devopssim.core.history;

import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.SimulatedClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A simulated fleet with a canary at 10 % for a while, and rollout states that ended on it. */
final class HistoryFixtures {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final String SPEC = """
            app: checkout
            image: ghcr.io/acme/checkout:1.6.0
            steps:
              - setWeight: 10
              - analysis: {window: 2m}
              - chaos:
                  name: slow-network
                  faults: [{latency: {ms: 50}}]
                  duration: 1m
            analysis:
              metrics:
                - {metric: error_rate, max: 0.02}
            gitops:
              repo: http://127.0.0.1:8080/env.git
              file: apps/checkout/values.yaml
              helm: image.tag
            simulation:
              seed: 7
              canaryRegression: {errorRateDelta: 0.05}
            """;

    final RolloutSpec spec;
    final SimulatedClock clock = new SimulatedClock(T0);
    final FleetSimulator fleet;
    final AnalysisRunner analysis;

    HistoryFixtures() throws Exception {
        spec = new RolloutSpecReader().read(SPEC);
        fleet = new FleetSimulator(spec.simulation(), clock);
        fleet.setCanaryWeight(10);
        clock.advance(Duration.ofMinutes(5));
        analysis = new AnalysisRunner(fleet, input -> new Judgement(Verdict.PASSED, 100, List.of(), List.of()));
    }

    /** STARTED, WEIGHT 10, an analysis watched from T0 + 1m for 2m with {@code verdict}, then {@code more}. */
    static RolloutState ended(RolloutPhase phase, Verdict verdict, RolloutEvent... more) {
        List<RolloutEvent> events = new ArrayList<>();
        events.add(new RolloutEvent(T0, -1, Kind.STARTED, "rolling out", 0, null, null));
        events.add(new RolloutEvent(T0, 0, Kind.WEIGHT, "step 1/3 setWeight 10", 10, null, null));
        events.add(new RolloutEvent(T0.plusSeconds(60), 1, Kind.ANALYSIS_STARTED, "step 2/3 analysis", 10, null, null));
        events.add(new RolloutEvent(T0.plusSeconds(180), 1, Kind.ANALYSIS, "step 2/3 analysis 2m", 10,
                new Judgement(verdict, verdict.promotes() ? 100 : 0, List.of(), List.of("error_rate canary 0.055 breaks <= 0.02")),
                null));
        events.addAll(List.of(more));
        return new RolloutState("checkout-1.6.0", "digest", "1.5.0", phase, 2, 0, null, null, 0,
                phase == RolloutPhase.PROMOTED ? null : "FAILED: error_rate canary 0.055 breaks <= 0.02", events);
    }

    static RolloutEvent event(int second, Kind kind, String message) {
        return new RolloutEvent(T0.plusSeconds(second), -1, kind, message, 0, null, null);
    }
}
