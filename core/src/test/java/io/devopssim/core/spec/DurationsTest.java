package io.devopssim.core.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "2m, PT2M", "1h, PT1H", "1m30s, PT1M30S", "1h30m15s250ms, PT1H30M15.25S",
            "PT30S, PT30S", "PT2M, PT2M", "0s, PT0S"})
    void parsesShortAndIsoForms(String text, String iso) {
        assertThat(Durations.parse(text)).contains(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "", "s", "30 s", "30sec", "1.5m", "-30s", "2d", "P", "PT", "30S", "99999999999999999999h"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT0.5S, 500ms", "PT30S, 30s", "PT1M30S, 1m30s", "PT26H, 26h", "PT0S, 0s", "PT1H0.001S, 1h1ms"})
    void formatsShortly(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }
}
