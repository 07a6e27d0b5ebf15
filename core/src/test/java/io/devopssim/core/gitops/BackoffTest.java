package io.devopssim.core.gitops;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1));

    @RepeatedTest(20)
    void shouldStayBetweenZeroAndTheExponentialCeiling() {
        assertThat(backoff.delayMillis(1, 0)).isBetween(0L, 20L);
        assertThat(backoff.delayMillis(3, 0)).isBetween(0L, 80L);
        assertThat(backoff.delayMillis(12, 0)).isBetween(0L, 1000L);
    }

    @RepeatedTest(20)
    void shouldScaleTheUnitToALongAttempt() {
        assertThat(backoff.delayMillis(1, 300)).isBetween(0L, 300L);
        assertThat(backoff.delayMillis(2, 300)).isBetween(0L, 600L);
        assertThat(backoff.delayMillis(3, 300)).isBetween(0L, 1000L);
    }

    @Test
    void shouldSpreadRetriesRatherThanRepeatOneDelay() {
        long distinct = IntStream.range(0, 50).mapToLong(i -> backoff.delayMillis(6, 0)).distinct().count();

        assertThat(distinct).isGreaterThan(10);
    }
}
