package io.devopssim.chaos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.chaos.FaultState;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class SimulatorBackendTest {
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FleetSimulator fleet = new FleetSimulator(
            new SimulationSpec(7, 10, 200, new RegressionSpec(0.01, 1.5, 1)), clock);
    private final SimulatorBackend backend = new SimulatorBackend(fleet);

    private static ChaosRequest request(String id, ChaosTarget target, Duration ramp, Fault... faults) {
        return new ChaosRequest(id, target, List.of(faults), Duration.ofMinutes(5), ramp);
    }

    @Test
    void shouldTurnFaultsIntoTheCanarysRegressionAndRestoreItsOwnOnHalt() throws Exception {
        fleet.setCanaryWeight(20); // 2 of 10 pods

        backend.start(request("x", ChaosTarget.CANARY, Duration.ZERO, new Fault.Latency(40), new Fault.PacketLoss(10),
                new Fault.PodKill(1), new Fault.Cpu(1, 50)));

        RegressionSpec r = fleet.regression();
        assertThat(r.latencyFactor()).isEqualTo(1.5 * 2); // +40 ms on a 40 ms median
        assertThat(r.errorRateDelta()).isEqualTo(0.01 + 0.10 + 0.5); // one of two canary pods gone
        assertThat(r.cpuFactor()).isEqualTo(1 + 0.5 / (0.05 + 0.01 * 200 / 10));
        assertThat(backend.observe("x").state()).isEqualTo(FaultState.ACTIVE);

        backend.halt("x");

        assertThat(fleet.regression()).isEqualTo(new RegressionSpec(0.01, 1.5, 1));
        assertThat(backend.observe("x").state()).isEqualTo(FaultState.HALTED);
    }

    @Test
    void shouldScaleFaultsByTheShareOfTheTargetHit() throws Exception {
        backend.start(request("x", new ChaosTarget(ChaosTarget.Kind.PERCENT, 50, Map.of()), Duration.ZERO, new Fault.Blackhole()));

        assertThat(fleet.regression().errorRateDelta()).isEqualTo(0.01 + 0.5);
    }

    @Test
    void shouldNotInjectTwiceWhenStartIsRepeated() throws Exception {
        ChaosRequest latency = request("x", ChaosTarget.CANARY, Duration.ZERO, new Fault.Latency(40));
        backend.start(latency);
        backend.start(latency);

        assertThat(fleet.regression().latencyFactor()).isEqualTo(3.0);
        backend.halt("x");
        backend.halt("x");
        backend.start(latency); // a start after the halt is a replay of an old request, not a new run
        assertThat(fleet.regression().latencyFactor()).isEqualTo(1.5);
        assertThat(backend.active()).isEmpty();
    }

    @Test
    void shouldRampFaultsUpEachTimeTheyAreObserved() throws Exception {
        backend.start(request("x", ChaosTarget.CANARY, Duration.ofMinutes(2), new Fault.Latency(40)));
        double first = fleet.regression().latencyFactor();

        clock.advance(Duration.ofMinutes(1));
        backend.observe("x");
        double half = fleet.regression().latencyFactor();
        clock.advance(Duration.ofMinutes(2));
        backend.observe("x");

        assertThat(first).isLessThan(1.5 * 1.05);
        assertThat(half).isEqualTo(1.5 * 1.5);
        assertThat(fleet.regression().latencyFactor()).isEqualTo(3.0);
    }

    @Test
    void shouldEndFaultsByThemselvesAtTheEndOfTheirDuration() throws Exception {
        backend.start(request("x", ChaosTarget.CANARY, Duration.ZERO, new Fault.Blackhole()));

        clock.advance(Duration.ofMinutes(5));

        assertThat(backend.observe("x").state()).isEqualTo(FaultState.COMPLETED);
        assertThat(fleet.regression()).isEqualTo(new RegressionSpec(0.01, 1.5, 1));
    }

    @Test
    void shouldAddUpExperimentsRunningAtOnce() throws Exception {
        backend.start(request("a", ChaosTarget.CANARY, Duration.ZERO, new Fault.Latency(40)));
        backend.start(request("b", ChaosTarget.CANARY, Duration.ZERO, new Fault.Latency(40)));
        assertThat(fleet.regression().latencyFactor()).isEqualTo(1.5 * 2 * 2);

        backend.halt("a");
        assertThat(fleet.regression().latencyFactor()).isEqualTo(3.0);
        backend.halt("b");
        assertThat(fleet.regression().latencyFactor()).isEqualTo(1.5);
    }

    @Test
    void shouldKnowNothingOfAnExperimentNeverStarted() throws Exception {
        assertThat(backend.observe("never").state()).isEqualTo(FaultState.UNKNOWN);
        backend.halt("never");
        assertThat(fleet.history()).hasSize(1);
    }
}
