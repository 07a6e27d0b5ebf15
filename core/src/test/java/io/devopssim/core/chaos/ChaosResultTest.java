package io.devopssim.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
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
    void shouldRefuseABudgetOutsideZeroToOne() {
        assertThatThrownBy(() -> new ChaosResult("exp", ChaosResult.Outcome.COMPLETED, true, null, 1.5, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
