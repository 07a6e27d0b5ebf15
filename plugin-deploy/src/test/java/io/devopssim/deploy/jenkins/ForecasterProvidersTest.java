package io.devopssim.deploy.jenkins;

import io.devopssim.core.forecast.ForecastException;
import io.devopssim.core.forecast.RequestRateForecast;
import io.devopssim.core.forecast.RequestRateForecasts;
import io.devopssim.core.forecast.SameTimeYesterday;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Load forecasters reach the rollout steps through {@link ForecasterProvider} extensions. */
class ForecasterProvidersTest {
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);

    @Test
    @DisplayName("the first provider's model forecasts the service from the rollout's metrics")
    void shouldForecastWithTheFirstProvidersModel() throws ForecastException {
        ForecasterProvider first = () -> SameTimeYesterday.DAILY;
        ForecasterProvider second = () -> {
            throw new AssertionError("only the first provider is asked");
        };
        RequestRateForecasts forecasts = new ForecasterProviders(List.of(first, second)).forecasts(fleet, clock);

        RequestRateForecast next = forecasts.next();

        assertThat(forecasts.available()).isTrue();
        assertThat(next.basis()).startsWith("same time yesterday: ");
        assertThat(next.at()).isEqualTo(Instant.parse("2026-11-23T09:05:00Z"));
    }

    @Test
    @DisplayName("without a provider no forecast is available, and asking for one says which plugin provides it")
    void shouldOfferNoForecastWithoutAProvider() {
        RequestRateForecasts forecasts = ForecasterProviders.NONE.forecasts(fleet, clock);

        assertThat(forecasts.available()).isFalse();
        assertThat(ForecasterProviders.NONE.model()).isEmpty();
        assertThatThrownBy(forecasts::next).isInstanceOf(ForecastException.class).hasMessageContaining("plugin-ml-gate");
    }
}
