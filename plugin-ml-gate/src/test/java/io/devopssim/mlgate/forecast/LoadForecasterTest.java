package io.devopssim.mlgate.forecast;

import io.devopssim.core.metrics.Sample;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forecaster on generated traffic: a daily curve with a weekly dip, noise and a slow trend. */
class LoadForecasterTest {
    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final int DAY = 288;

    @Test
    @DisplayName("on a daily traffic curve the forecast beats the last value and yesterday's value on unseen days")
    void shouldBeatNaiveForecastsOnDailyTraffic() {
        List<Sample> series = traffic(14 * DAY, 1);
        int split = 10 * DAY;
        try (LoadForecaster forecaster = LoadForecaster.fit(series.subList(0, split), ForecastConfig.DAILY)) {
            double model = 0;
            double last = 0;
            double yesterday = 0;
            int n = 0;
            for (int t = split; t + 1 < series.size(); t++) {
                double actual = series.get(t + 1).value();
                double forecast = forecaster.forecast(series.subList(t + 1 - forecaster.historyNeeded(), t + 1));
                assertThat(forecast).isNotNegative();
                model += Math.abs(forecast - actual);
                last += Math.abs(series.get(t).value() - actual);
                yesterday += Math.abs(series.get(t + 1 - DAY).value() - actual);
                n++;
            }
            assertThat(model / n).isLessThan(0.9 * last / n).isLessThan(0.9 * yesterday / n);
        }
    }

    @Test
    @DisplayName("a level it never saw is forecast relative to the recent level, not clipped to the training range")
    void shouldFollowANewLevel() {
        List<Sample> series = traffic(12 * DAY, 2);
        try (LoadForecaster forecaster = LoadForecaster.fit(series, ForecastConfig.DAILY.withHorizon(3))) {
            List<Sample> recent = series.subList(series.size() - forecaster.historyNeeded(), series.size());
            List<Sample> tenfold = recent.stream().map(s -> new Sample(s.time(), 10 * s.value())).toList();
            double base = forecaster.forecast(recent);
            assertThat(forecaster.forecast(tenfold)).isCloseTo(10 * base, org.assertj.core.api.Assertions.withinPercentage(1));
        }
    }

    @Test
    @DisplayName("uneven spacing, too short a history, negative rates and another step are refused with a reason")
    void shouldRefuseBadSeries() {
        List<Sample> series = traffic(4 * DAY, 3);
        List<Sample> gap = new ArrayList<>(series);
        gap.remove(100);
        assertThatThrownBy(() -> LoadForecaster.fit(gap, ForecastConfig.DAILY)).hasMessageContaining("not evenly spaced");
        assertThatThrownBy(() -> LoadForecaster.fit(series.subList(0, DAY + 20), ForecastConfig.DAILY))
                .hasMessageContaining("training rows");
        List<Sample> negative = new ArrayList<>(series);
        negative.set(5, new Sample(negative.get(5).time(), -1));
        assertThatThrownBy(() -> LoadForecaster.fit(negative, ForecastConfig.DAILY)).hasMessageContaining("not negative");
        try (LoadForecaster forecaster = LoadForecaster.fit(series, ForecastConfig.DAILY)) {
            assertThat(forecaster.historyNeeded()).isEqualTo(12 + DAY);
            assertThatThrownBy(() -> forecaster.forecast(series.subList(0, 50))).hasMessageContaining("needs the last");
            List<Sample> minutes = new ArrayList<>();
            for (int i = 0; i < forecaster.historyNeeded(); i++) {
                minutes.add(new Sample(START.plus(Duration.ofMinutes(i)), 100));
            }
            assertThatThrownBy(() -> forecaster.forecast(minutes)).hasMessageContaining("trained on");
        }
    }

    /** Requests per second: 200 +-80 over the day (peak 14:00), 30 % less at weekends, 3 % noise, +2 % a day. */
    private static List<Sample> traffic(int points, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> series = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            Instant t = START.plus(STEP.multipliedBy(i));
            double day = (i % DAY) / (double) DAY;
            int weekday = (i / DAY) % 7;
            double level = (200 + 80 * Math.sin(2 * Math.PI * (day - 8.0 / 24))) * (weekday >= 5 ? 0.7 : 1) * (1 + 0.02 * i / DAY);
            series.add(new Sample(t, Math.max(0, level * (1 + 0.03 * random.nextGaussian()))));
        }
        return series;
    }
}
