package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class RolloutChaosTest {
    private static final String EXPERIMENT = """
            name: e
            faults: [blackhole]
            duration: 1m
            hypothesis: {probes: [{name: errors, metric: error_rate, max: 0.05}]}
            """;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);
    private final InMemoryExperimentStore store = new InMemoryExperimentStore();
    private final RolloutChaos chaos = new RolloutChaos(new ChaosRunner(new SimulatorBackend(fleet), fleet,
            (url, timeout) -> 200, clock, store), store);

    @Test
    void shouldRefuseABackendOrMetricsSectionInARolloutsExperimentWhichRunsWhereTheRolloutRuns() {
        assertThatCode(() -> chaos.validate("steps[2].chaos", EXPERIMENT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> chaos.validate("steps[2].chaos", EXPERIMENT
                + "backend: {type: kubernetes, namespace: shop}\nmetrics: {prometheus: 'http://prometheus:9090'}\n"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("steps[2].chaos.backend: a rollout's chaos step runs on the rollout's own backend")
                .hasMessageContaining("steps[2].chaos.metrics: a rollout's chaos step reads the rollout's own metrics");
    }
}
