package io.devopssim.mlgate.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesCleanerTest {
    private static final double[] WITH_SPIKE = {10, 11, 9, 10, 12, 10, 11, 9, 500, Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void shouldDropPointsBeyondTheIqrFencesWhenAskedTo() {
        double[] cleaned = new SeriesCleaner(NanStrategy.REMOVE, OutlierStrategy.REMOVE, 3).clean(Series.samples(WITH_SPIKE));

        assertThat(cleaned).containsExactly(10, 11, 9, 10, 12, 10, 11, 9);
    }

    @Test
    void shouldKeepOutliersByDefaultAndDropNonFiniteValues() {
        double[] cleaned = new SeriesCleaner(NanStrategy.REMOVE, OutlierStrategy.KEEP, 3).clean(Series.samples(WITH_SPIKE));

        assertThat(cleaned).containsExactly(10, 11, 9, 10, 12, 10, 11, 9, 500);
    }

    @Test
    void shouldReplaceNonFiniteValuesByZeroWhenAskedTo() {
        double[] cleaned = new SeriesCleaner(NanStrategy.REPLACE, OutlierStrategy.KEEP, 3).clean(Series.samples(1, Double.NaN));

        assertThat(cleaned).containsExactly(1, 0);
        assertThat(SeriesCleaner.finiteCount(Series.samples(1, Double.NaN))).isEqualTo(1);
    }

    @Test
    void shouldDropNothingFromAMostlyConstantSeries() {
        double[] cleaned = new SeriesCleaner(NanStrategy.REMOVE, OutlierStrategy.REMOVE, 3)
                .clean(Series.samples(0, 0, 0, 0, 0, 0, 1));

        assertThat(cleaned).hasSize(7);
    }
}
