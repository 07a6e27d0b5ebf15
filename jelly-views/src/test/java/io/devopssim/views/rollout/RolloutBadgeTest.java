package io.devopssim.views.rollout;

import io.devopssim.core.state.RolloutPhase;
import io.devopssim.views.badge.Badge;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutBadgeTest {

    private static Badge badge(RolloutPhase phase, OptionalDouble score) {
        return new RolloutBadge("checkout", "production", phase, score).badge();
    }

    @Test
    void promotedIsGreenWithTheGateScore() {
        assertThat(badge(RolloutPhase.PROMOTED, OptionalDouble.of(97.6)))
                .isEqualTo(new Badge("checkout production", "promoted \u00B7 score 98", "#4c1"));
    }

    @Test
    void rolledBackAbortedAndFailedAreRed() {
        assertThat(badge(RolloutPhase.ROLLED_BACK, OptionalDouble.of(0)))
                .isEqualTo(new Badge("checkout production", "rolled back \u00B7 score 0", "#e05d44"));
        assertThat(badge(RolloutPhase.ABORTED, OptionalDouble.empty()).message()).isEqualTo("aborted");
        assertThat(badge(RolloutPhase.FAILED, OptionalDouble.empty()).color()).isEqualTo("#e05d44");
    }

    @Test
    void pausedIsYellowAndAnythingStillMovingIsBlue() {
        assertThat(badge(RolloutPhase.PAUSED, OptionalDouble.of(100)))
                .isEqualTo(new Badge("checkout production", "paused \u00B7 score 100", "#dfb317"));
        assertThat(badge(RolloutPhase.PROGRESSING, OptionalDouble.empty()))
                .isEqualTo(new Badge("checkout production", "in progress", "#007ec6"));
    }

    @Test
    void theFileNameIsSafeForAnyAppAndEnvironmentName() {
        assertThat(new RolloutBadge("checkout", "production", RolloutPhase.PROMOTED, OptionalDouble.empty()).fileName())
                .isEqualTo("checkout-production.svg");
        assertThat(new RolloutBadge("Checkout", "../eu west/1", RolloutPhase.PROMOTED, OptionalDouble.empty()).fileName())
                .isEqualTo("checkout-eu-west-1.svg");
    }

    @Test
    void aBadgeNeedsAnAppAndAnEnvironment() {
        assertThatThrownBy(() -> new RolloutBadge(" ", "prod", RolloutPhase.PROMOTED, OptionalDouble.empty()))
                .hasMessageContaining("app");
        assertThatThrownBy(() -> new RolloutBadge("checkout", "", RolloutPhase.PROMOTED, OptionalDouble.empty()))
                .hasMessageContaining("environment");
    }
}
