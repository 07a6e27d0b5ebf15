package io.devopssim.mlgate.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void shouldMatchTheTextbookNormalApproximationForSeparatedSamples() {
        // R: wilcox.test(c(1,2,3), c(4,5,6), exact = FALSE, correct = FALSE): W = 0, p-value = 0.04953
        MannWhitneyResult r = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);

        assertThat(r.u()).isZero();
        assertThat(r.z()).isCloseTo(-1.9640, within(1e-4));
        assertThat(r.pValue()).isCloseTo(0.04953, within(1e-5));
        assertThat(r.estimate()).isEqualTo(-3);
    }

    @Test
    void shouldCorrectTheVarianceForTies() {
        // scipy.stats.mannwhitneyu(..., use_continuity=False, method='asymptotic'): U = 3, p = 0.040609
        // (without the tie correction the p-value would be 0.0472)
        MannWhitneyResult r = MannWhitney.test(new double[] {1, 1, 2, 2, 3}, new double[] {2, 3, 3, 4, 4}, 0.95);

        assertThat(r.u()).isEqualTo(3);
        assertThat(r.pValue()).isCloseTo(0.040609, within(1e-5));
    }

    @Test
    void shouldFindNoShiftWhenAllValuesAreEqual() {
        MannWhitneyResult r = MannWhitney.test(new double[] {5, 5, 5}, new double[] {5, 5}, 0.98);

        assertThat(r.z()).isZero();
        assertThat(r.pValue()).isEqualTo(1);
        assertThat(r.estimate()).isZero();
    }

    @Test
    void shouldBracketAClearShiftWithAPositiveInterval() {
        double[] baseline = Series.noisy(1, 40, 100, 0.05);
        double[] canary = Series.noisy(2, 40, 130, 0.05);

        MannWhitneyResult r = MannWhitney.test(canary, baseline, 0.98);

        assertThat(r.estimate()).isBetween(25.0, 35.0);
        assertThat(r.lower()).isPositive().isLessThan(r.estimate());
        assertThat(r.upper()).isGreaterThan(r.estimate());
        assertThat(r.z()).isGreaterThan(5);
        assertThat(MannWhitney.z(canary, baseline)).isEqualTo(r.z());
    }

    @Test
    void shouldRefuseEmptySamples() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}, 0.98))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
