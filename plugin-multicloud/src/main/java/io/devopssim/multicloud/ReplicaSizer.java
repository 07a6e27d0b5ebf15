package io.devopssim.multicloud;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.deploy.RolloutException;

import java.util.Locale;

/** Sizes a cluster before its wave: replicas for the forecast peak of the wave's duration, one commit in its manifest. */
final class ReplicaSizer {
    static final String STEP_REPLICAS = "replicas";

    private final WaveContext ctx;
    private final WaveTimeline timeline;
    private final WaveFailures failures;
    private final ClusterRolloutHandles rollouts;

    ReplicaSizer(WaveContext ctx, WaveTimeline timeline, WaveFailures failures, ClusterRolloutHandles rollouts) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.failures = failures;
        this.rollouts = rollouts;
    }

    WaveStep size(WaveRunState s, ClusterRun c) throws RolloutException {
        WavePlan plan = ctx.plan();
        Cluster cluster = rollouts.cluster(c);
        Wave wave = plan.waves().get(c.wave());
        LoadForecast forecast;
        try {
            forecast = ctx.forecaster().forecast(cluster, timeline.now(), wave.expectedDuration());
        } catch (LoadForecaster.ForecastException e) {
            return failures.waveFailed(s, "wave " + wave.name() + ": cannot size " + c.cluster() + ": " + e.getMessage());
        }
        ReplicaSizing sizing = plan.replicas();
        int replicas = sizing.replicasFor(forecast);
        String peak = String.format(Locale.ROOT, "%.0f req/s", forecast.peakRequestsPerSecond());
        PromotionResult result;
        try {
            result = ctx.promoter().promote(new PromotionRequest(plan.gitops().repoUrl(), plan.gitops().branch(),
                    cluster.fileInEnvironment(plan.gitops().file()), sizing.locator(), Integer.toString(replicas),
                    "Size " + plan.app() + " in " + c.cluster() + " for wave " + wave.name() + ": " + replicas
                            + " replicas for a forecast peak of " + peak, timeline.trailers(c, STEP_REPLICAS),
                    ctx.gitCredentials()));
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "sizing commit for " + c.cluster() + " failed: " + e.getMessage()));
        }
        WaveRunState next = s.with(c.sized(replicas, result.commitId())).succeeded();
        return WaveStep.progress(timeline.record(next, timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.SIZED,
                c.cluster() + ": " + sizing.locator().describe() + " "
                        + (result.previousValue() == null ? "?" : result.previousValue()) + " -> " + replicas
                        + " for a forecast peak of " + peak + " (" + forecast.basis() + ") in commit "
                        + WaveTimeline.shortId(result.commitId()) + (result.alreadyCommitted() ? " (already in history)" : ""))));
    }
}
