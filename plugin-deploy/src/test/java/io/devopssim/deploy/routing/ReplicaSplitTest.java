package io.devopssim.deploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaSplitTest {

    @ParameterizedTest(name = "total {0}, weight {1} -> stable {2}, canary {3}")
    @CsvSource({
        "10, 0, 10, 0",
        "10, 10, 9, 1",
        "10, 50, 5, 5",
        "10, 100, 0, 10",
        "10, 1, 9, 1",
        "10, 99, 1, 9",
        "4, 10, 3, 1",
        "3, 50, 1, 2",
        "1, 50, 1, 0",
        "1, 100, 0, 1",
    })
    void shouldRoundCanaryUpAndKeepOneStablePodBelowFullWeight(int total, int weight, int stable, int canary) {
        assertThat(ReplicaSplit.forWeight(total, weight)).isEqualTo(new ReplicaSplit(stable, canary));
    }

    @Test
    void shouldReadTheWeightBackFromTheRatio() {
        assertThat(new ReplicaSplit(9, 1).weight()).isEqualTo(10);
        assertThat(new ReplicaSplit(2, 1).weight()).isEqualTo(33);
        assertThat(new ReplicaSplit(0, 0).weight()).isZero();
        assertThat(new ReplicaSplit(0, 3).weight()).isEqualTo(100);
    }

    @Test
    void shouldRejectWeightsOutsideZeroToHundred() {
        assertThatThrownBy(() -> ReplicaSplit.forWeight(10, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101");
        assertThatThrownBy(() -> ReplicaSplit.forWeight(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
