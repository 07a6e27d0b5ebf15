package io.devopssim.core.forecast;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The history plumbing of {@link ModelForecasts} on the simulator, with a model written here that is easy to
 * reason about: it forecasts the mean of the last points plus the trend it learnt (the mean step-to-step change).
 */
class ModelForecastsTest {
    private static final Instant NOW = Instant.parse("2025-03-03T09:02:30Z");
    private static final Duration STEP = Duration.ofMinutes(5);

    @Test
    @DisplayName("the history is the service's whole rate (baseline and canary added), whole steps up to now")
    void shouldReadTheWholeServiceRateDuringARollout() throws Exception {
        SimulatedClock clock = new SimulatedClock(NOW.minus(Duration.ofHours(1)));
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(5, 10, 400, RegressionSpec.NONE), clock);
        fleet.setCanaryWeight(50);
        clock.advance(Duration.ofHours(1));
        MeanModel model = new MeanModel(48);
        List<Sample> history = new ModelForecasts(model, fleet, clock).history();

        assertThat(history).hasSize(48);
        assertThat(history.get(47).time()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
        assertThat(history.get(0).time()).isEqualTo(Instant.parse("2025-03-03T05:05:00Z"));
        // around 09:00 UTC the simulated rate is 400 * (1 + 0.2 * sin(2 pi * 3/24)) ~ 457 req/s, half of it on the canary
        assertThat(history.get(47).value()).isCloseTo(457, within(457 * 0.12));
        assertThat(history.get(40).value()).isCloseTo(history.get(47).value(), within(457 * 0.15));
    }

    @Test
    @DisplayName("next() forecasts one window ahead; peak() feeds forecasts back step by step and keeps the highest")
    void shouldForecastTheNextWindowAndAPeak() throws Exception {
        SimulatedClock clock = new SimulatedClock(NOW);
        MetricsProvider rising = ramp(100, 2);   // +2 req/s every 5 minutes
        ModelForecasts forecasts = new ModelForecasts(new MeanModel(20), rising, clock);

        RequestRateForecast next = forecasts.next();
        // last point (09:00) is 100 + 2 * 19 = 138; the mean of the last 3 (136) + two steps of trend = 140 at 09:05
        assertThat(next.at()).isEqualTo(Instant.parse("2025-03-03T09:05:00Z"));
        assertThat(next.requestsPerSecond()).isCloseTo(140, within(1e-9));
        assertThat(next.basis()).isEqualTo("mean of 3 + trend: 140 req/s at 09:05 UTC");

        RequestRateForecast peak = forecasts.peak(Duration.ofMinutes(30));
        assertThat(peak.at()).isEqualTo(Instant.parse("2025-03-03T09:30:00Z"));
        // fed back, the ramp goes on: 140, 142, ... 150 at 09:30
        assertThat(peak.requestsPerSecond()).isCloseTo(150, within(1e-9));
        assertThat(peak.basis()).startsWith("mean of 3 + trend: peak ").endsWith(" over the next 30m");
    }

    @Test
    @DisplayName("a gap in the history, too little of it, or no metrics at all is a ForecastException naming why")
    void shouldRefuseIncompleteHistory() {
        SimulatedClock clock = new SimulatedClock(NOW);
        MetricsProvider gappy = query -> {
            CanaryBaseline full = ramp(100, 0).fetch(query);
            List<Sample> baseline = new ArrayList<>(full.baseline());
            baseline.remove(5);
            return new CanaryBaseline(query.metric(), baseline, List.of());
        };
        assertThatThrownBy(() -> new ModelForecasts(new MeanModel(20), gappy, clock).next())
                .isInstanceOf(ForecastException.class)
                .hasMessage("the request-rate history has no point at 2025-03-03T07:50:00Z: mean of 3 + trend needs 20 points"
                        + " every 5m since 2025-03-03T07:25:00Z (1h40m of history)");
        assertThatThrownBy(() -> new ModelForecasts(new MeanModel(2), ramp(100, 0), clock).next())
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("cannot learn from the request-rate history: at least 4 points");
        MetricsProvider down = query -> {
            throw new io.devopssim.core.metrics.MetricsUnavailableException("connection refused");
        };
        assertThatThrownBy(() -> new ModelForecasts(new MeanModel(20), down, clock).peak(Duration.ofHours(1)))
                .isInstanceOf(ForecastException.class).hasMessage("no request-rate history: connection refused");
        assertThatThrownBy(RequestRateForecasts.NONE::next).isInstanceOf(ForecastException.class)
                .hasMessageContaining("no load forecaster");
        assertThat(RequestRateForecasts.NONE.available()).isFalse();
    }

    @Test
    @DisplayName("same time yesterday forecasts the value one day before the next point, and needs a day of history")
    void shouldForecastTheValueADayBefore() throws Exception {
        SimulatedClock clock = new SimulatedClock(NOW);
        RequestRateForecast next = new ModelForecasts(SameTimeYesterday.DAILY, ramp(100, 1), clock).next();
        // the history's first point (a day before 09:05) is the ramp's start
        assertThat(next.requestsPerSecond()).isEqualTo(100);
        assertThat(next.basis()).isEqualTo("same time yesterday: 100 req/s at 09:05 UTC");
        try (RequestRateForecaster f = SameTimeYesterday.DAILY.fit(ramp(100, 1).fetch(new MetricQuery("request_rate",
                NOW.minus(Duration.ofDays(1)), NOW, STEP)).baseline())) {
            assertThatThrownBy(() -> f.forecast(List.of(new Sample(NOW, 1)))).hasMessageContaining("needs the last 288 points");
        }
        assertThatThrownBy(() -> new SameTimeYesterday(Duration.ofMinutes(7), Duration.ofDays(1))).hasMessageContaining("whole number");
    }

    /** A series on the 5-minute grid: {@code start} at the first point asked for, {@code slope} more at each. */
    private static MetricsProvider ramp(double start, double slope) {
        return query -> {
            List<Sample> s = new ArrayList<>();
            int i = 0;
            for (Instant t = query.start(); t.isBefore(query.end()) && !t.isAfter(NOW); t = t.plus(query.step())) {
                s.add(new Sample(t, start + slope * i++));
            }
            return new CanaryBaseline(query.metric(), s, List.of());
        };
    }

    private record MeanModel(int trainingPoints) implements RequestRateModel {
        @Override
        public Duration step() {
            return STEP;
        }

        @Override
        public RequestRateForecaster fit(List<Sample> history) {
            if (history.size() < 4) {
                throw new IllegalArgumentException("at least 4 points, got " + history.size());
            }
            double trend = (history.get(history.size() - 1).value() - history.get(0).value()) / (history.size() - 1);
            return new RequestRateForecaster() {
                @Override
                public Duration step() {
                    return STEP;
                }

                @Override
                public Duration horizon() {
                    return STEP;
                }

                @Override
                public int historyNeeded() {
                    return 3;
                }

                @Override
                public double forecast(List<Sample> recent) {
                    double mean = recent.stream().mapToDouble(Sample::value).average().orElseThrow();
                    return Math.max(0, mean + trend * 2);   // the mean sits one step back: two steps of trend ahead
                }
            };
        }

        @Override
        public String describe() {
            return "mean of 3 + trend";
        }
    }
}
