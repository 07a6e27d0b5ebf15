package io.devopssim.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class ChaosResultTest {

    @Test
    void shouldGiveTheGateAMissingTimeToRecoverRatherThanZeroWhenTheSystemDidNotRecover() {
        ChaosResult result = new ChaosResult("exp", ChaosResult.Outcome.ABORTED, false, null, 0.75, List.of());

        assertThat(result.features()).containsEntry("chaos_hypothesis_held", 0.0).containsEntry("chaos_recovered", 0.0)
                .containsEntry("chaos_error_budget_burned", 0.75).containsEntry("chaos_aborted", 1.0);
        assertThat(result.features().get("chaos_time_to_recover_s")).isNaN();
    }

    @Test
    void shouldGiveTheTimeToRecoverInSeconds() {
        ChaosResult result = new ChaosResult("exp", ChaosResult.Outcome.COMPLETED, true, Duration.ofMillis(1500), 0, List.of());

        assertThat(result.features()).containsEntry("chaos_time_to_recover_s", 1.5).containsEntry("chaos_hypothesis_held", 1.0)
                .containsEntry("chaos_aborted", 0.0);
    }

    @Test
    void shouldGiveTheWorstRiseOfAProbeDuringOrAfterTheFaultsOverItsLevelBefore() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ProbeSeries p99 = new ProbeSeries("p99", List.of(new ProbePoint(t, ProbePoint.Stage.BEFORE, 100, true),
                new ProbePoint(t, ProbePoint.Stage.BEFORE, 200, true), new ProbePoint(t, ProbePoint.Stage.DURING, 450, false),
                new ProbePoint(t, ProbePoint.Stage.AFTER, 160, true)));
        ProbeSeries errors = new ProbeSeries("errors", List.of(new ProbePoint(t, ProbePoint.Stage.BEFORE, 0.01, true),
                new ProbePoint(t, ProbePoint.Stage.DURING, 0.02, true)));
        ProbeSeries unmeasured = new ProbeSeries("http", List.of(new ProbePoint(t, ProbePoint.Stage.DURING, Double.NaN, false)));

        ChaosResult result = new ChaosResult("exp", ChaosResult.Outcome.COMPLETED, false, null, 0.2, List.of(p99, errors, unmeasured));

        assertThat(result.worstProbeRatio()).isCloseTo(450.001 / 150.001, within(1e-9));
        assertThat(result.features()).containsEntry("chaos_worst_probe_ratio", result.worstProbeRatio());
        assertThat(new ChaosResult("exp", ChaosResult.Outcome.COMPLETED, true, null, 0, List.of(unmeasured)).worstProbeRatio()).isNaN();
    }

    @Test
    void shouldRefuseABudgetOutsideZeroToOne() {
        assertThatThrownBy(() -> new ChaosResult("exp", ChaosResult.Outcome.COMPLETED, true, null, 1.5, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
