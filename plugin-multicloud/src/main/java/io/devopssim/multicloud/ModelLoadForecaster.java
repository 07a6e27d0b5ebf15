package io.devopssim.multicloud;

import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.forecast.RequestRateForecast;
import io.devopssim.core.forecast.RequestRateModel;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The wave's {@link LoadForecaster} as core's forecasting port: a {@link RequestRateModel} (plugin-ml-gate's XGBoost
 * model) learns each cluster's request rate from the cluster's own metrics and forecasts the wave's peak step by
 * step ({@link ModelForecasts#peak}). A cluster whose history is missing or too short fails the wave before it is
 * sized, as with any forecaster.
 */
public final class ModelLoadForecaster implements LoadForecaster {
    private final RequestRateModel model;
    private final ClusterMetrics metrics;

    /** Where a cluster's request-rate history is: its Prometheus, or its simulated fleet. */
    @FunctionalInterface
    public interface ClusterMetrics {
        MetricsProvider of(Cluster cluster) throws ForecastException;
    }

    public ModelLoadForecaster(RequestRateModel model, ClusterMetrics metrics) {
        this.model = Objects.requireNonNull(model, "model");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Each cluster's simulated fleet as the plan's rollouts run it ({@link WavePlan#rolloutFor}): before a rollout
     * only its stable version served, so its history is the fleet's daily curve and noise.
     */
    public static ClusterMetrics simulated(WavePlan plan, Clock clock) {
        return cluster -> new FleetSimulator(plan.simulation().containsKey(cluster.name())
                ? plan.simulation().get(cluster.name()).fleet() : SimulationSpec.DEFAULT, clock);
    }

    @Override
    public LoadForecast forecast(Cluster cluster, Instant from, Duration horizon) throws ForecastException {
        MetricsProvider source = metrics.of(cluster);
        RequestRateForecast peak;
        try {
            peak = new ModelForecasts(model, source, () -> from).peak(horizon);
        } catch (io.devopssim.core.forecast.ForecastException e) {
            throw new ForecastException("cluster " + cluster.name() + ": " + e.getMessage());
        }
        return new LoadForecast(peak.requestsPerSecond(), peak.basis());
    }
}
