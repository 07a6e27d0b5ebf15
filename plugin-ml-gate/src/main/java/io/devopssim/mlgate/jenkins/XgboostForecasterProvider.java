package io.devopssim.mlgate.jenkins;

import hudson.Extension;
import io.devopssim.core.forecast.RequestRateModel;
import io.devopssim.deploy.jenkins.ForecasterProvider;
import io.devopssim.mlgate.forecast.XgboostLoadModel;

/**
 * Gives devsim-deploy's rollout steps ({@code setCanaryScale: {forecast: ...}}) and devsim-multicloud's waves the
 * XGBoost load forecaster, learnt from each service's last week of request rate.
 */
@Extension
public final class XgboostForecasterProvider implements ForecasterProvider {

    @Override
    public RequestRateModel model() {
        return XgboostLoadModel.DEFAULT;
    }
}
