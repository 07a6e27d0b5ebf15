package io.devopssim.mlgate.forecast;

import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.forecast.RequestRateForecast;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.mlgate.jenkins.XgboostForecasterProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The XGBoost model behind core's forecasting port, learning from a simulated service's own history. */
class XgboostLoadModelTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:02:00Z");

    @Test
    @DisplayName("learnt from a week of the service's rate, the next window's forecast is within the simulator's noise")
    void shouldForecastTheSimulatedServicesNextWindow() throws Exception {
        SimulatedClock clock = new SimulatedClock(NOW);
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(3, 10, 300, RegressionSpec.NONE), clock);
        ModelForecasts forecasts = new ModelForecasts(new XgboostForecasterProvider().model(), fleet, clock);

        RequestRateForecast next = forecasts.next();
        RequestRateForecast peak = forecasts.peak(Duration.ofHours(2));

        assertThat(next.at()).isEqualTo(Instant.parse("2026-03-04T10:05:00Z"));
        clock.advance(Duration.ofHours(3));
        double actual = rate(fleet, next.at());
        assertThat(next.requestsPerSecond()).isCloseTo(actual, within(actual * 0.08));
        assertThat(next.basis()).startsWith("XGBoost on 7d of request rate: ");
        // the daily curve (peak at 12:00 UTC) still rises over the two hours after 10:00
        assertThat(peak.at()).isAfter(Instant.parse("2026-03-04T11:00:00Z"));
        assertThat(peak.requestsPerSecond()).isCloseTo(rate(fleet, peak.at()), within(rate(fleet, peak.at()) * 0.1));
    }

    @Test
    @DisplayName("a training window shorter than a season and the model's own history is refused when it learns")
    void shouldRefuseTooShortATrainingWindow() {
        SimulatedClock clock = new SimulatedClock(NOW);
        FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);
        XgboostLoadModel oneDay = new XgboostLoadModel(ForecastConfig.DAILY, Duration.ofMinutes(5), Duration.ofDays(1));

        assertThatThrownBy(() -> new ModelForecasts(oneDay, fleet, clock).next())
                .isInstanceOf(io.devopssim.core.forecast.ForecastException.class)
                .hasMessageContaining("cannot learn from the request-rate history: history of 288 points gives 0 training rows");
        assertThatThrownBy(() -> new XgboostLoadModel(ForecastConfig.DAILY, Duration.ofMinutes(7), Duration.ofDays(1)))
                .hasMessageContaining("whole number");
    }

    private static double rate(FleetSimulator fleet, Instant at) throws Exception {
        return fleet.fetch(new MetricQuery(StandardMetrics.REQUEST_RATE, at, at.plusSeconds(1), Duration.ofSeconds(1)))
                .baseline().stream().mapToDouble(Sample::value).sum();
    }
}
