package io.devopssim.deploy.jenkins;

import hudson.ExtensionPoint;
import io.devopssim.core.forecast.RequestRateModel;

/**
 * The load forecaster that sizes canaries ({@code setCanaryScale: {forecast: ...}}) and multi-cloud waves,
 * contributed by another plugin (devsim-ml-gate's XGBoost model), since this plugin cannot depend on it.
 * Without one, a forecast scale is refused before the rollout starts and waves use the daily profile.
 */
public interface ForecasterProvider extends ExtensionPoint {

    /** The model that learns a service's request rate from its history and forecasts the next window. */
    RequestRateModel model();
}
