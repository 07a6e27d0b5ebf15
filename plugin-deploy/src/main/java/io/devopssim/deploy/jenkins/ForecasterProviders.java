package io.devopssim.deploy.jenkins;

import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.forecast.RequestRateForecasts;
import io.devopssim.core.forecast.RequestRateModel;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.time.Clock;

import java.util.List;
import java.util.Optional;

/**
 * The installed load forecasters: the first {@link ForecasterProvider}'s model, if any.
 *
 * @param providers in Jenkins the live {@code ExtensionList}, so a plugin installed later is seen
 */
public record ForecasterProviders(List<? extends ForecasterProvider> providers) {

    public static final ForecasterProviders NONE = new ForecasterProviders(List.of());

    /** The model of the first provider, or empty when no plugin provides one. */
    public Optional<RequestRateModel> model() {
        return providers.stream().findFirst().map(ForecasterProvider::model);
    }

    /** Forecasts of the service whose request rate {@code metrics} serves, or {@link RequestRateForecasts#NONE}. */
    public RequestRateForecasts forecasts(MetricsProvider metrics, Clock clock) {
        return model().<RequestRateForecasts>map(m -> new ModelForecasts(m, metrics, clock)).orElse(RequestRateForecasts.NONE);
    }
}
