package io.devopssim.multicloud;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightShiftTest {

    @Test
    void shouldGiveTheShareInProportionToWhatEachReceiverCarries() {
        Map<String, Integer> after = WeightShift.shift(weights("aks", 30, "gke", 20, "eks", 40), "aks", List.of("gke", "eks"));

        assertThat(after).containsExactly(Map.entry("aks", 0), Map.entry("gke", 30), Map.entry("eks", 60));
        assertThat(after.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(90);
    }

    @Test
    void shouldKeepTheTotalExactWhenTheShareDoesNotDivide() {
        Map<String, Integer> after = WeightShift.shift(weights("a", 10, "b", 1, "c", 1, "d", 1), "a", List.of("b", "c", "d"));

        assertThat(after).containsExactly(Map.entry("a", 0), Map.entry("b", 5), Map.entry("c", 4), Map.entry("d", 4));
    }

    @Test
    void shouldSplitEquallyWhenNoReceiverCarriesTrafficYet() {
        Map<String, Integer> after = WeightShift.shift(weights("a", 25, "b", 0, "c", 0), "a", List.of("b", "c"));

        assertThat(after).containsExactly(Map.entry("a", 0), Map.entry("b", 13), Map.entry("c", 12));
    }

    @Test
    void shouldRefuseToShiftToNobody() {
        assertThatThrownBy(() -> WeightShift.shift(weights("a", 25), "a", List.of()))
                .hasMessage("no cluster to shift a's traffic to");
    }

    private static Map<String, Integer> weights(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }
}
