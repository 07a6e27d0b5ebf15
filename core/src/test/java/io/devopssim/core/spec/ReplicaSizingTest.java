package io.devopssim.core.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaSizingTest {

    @Test
    @DisplayName("replicas cover the version's share of the rate with headroom, within min..max, none at weight 0")
    void shouldSizeReplicas() {
        ReplicaSizing sizing = new ReplicaSizing(50, 0.25, 1, 12);
        // 400 rps * 10 % = 40 rps, * 1.25 = 50 rps: exactly one replica of 50 rps
        assertThat(sizing.replicas(400, 10)).isEqualTo(1);
        // 400 * 25 % * 1.25 = 125 rps: 2.5 -> 3 replicas
        assertThat(sizing.replicas(400, 25)).isEqualTo(3);
        // 1 rps at 1 %: still the minimum of one replica; weight 0: none
        assertThat(sizing.replicas(1, 1)).isEqualTo(1);
        assertThat(sizing.replicas(400, 0)).isZero();
        // 400 * 90 % * 1.25 = 450 rps: 9 replicas; all of 1,000 rps would be 25, capped at 12
        assertThat(sizing.split(400, 10)).isEqualTo(new ReplicaSizing.Split(1, 9));
        assertThat(sizing.replicas(1_000)).isEqualTo(12);
        assertThat(new ReplicaSizing(25, 0.25, 2, 40).replicas(0)).isEqualTo(2);
        assertThatThrownBy(() -> sizing.replicas(400, 101)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> sizing.replicas(Double.NaN, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ReplicaSizing(0, 0.2, 1, 5)).hasMessageContaining("invalid sizing");
        assertThatThrownBy(() -> new ReplicaSizing(10, 0.2, 6, 5)).hasMessageContaining("invalid sizing");
    }
}
