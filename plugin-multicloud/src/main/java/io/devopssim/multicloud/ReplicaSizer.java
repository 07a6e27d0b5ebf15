package io.devopssim.multicloud;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.deploy.RolloutException;

import java.util.Locale;

/**
 * Sizes a cluster before its wave: replicas for the forecast peak of the wave's duration, one commit in its manifest;
 * and resizes a cluster that took a share of the traffic of a cluster that failed over (policy shift), right after
 * that commit of weights: the forecast is then its own plus the part it took of the other's, each from the
 * {@link LoadForecaster} port.
 */
final class ReplicaSizer {
    static final String STEP_REPLICAS = "replicas";
    static final String STEP_RESIZE_AFTER = "replicas-after-";

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

    /** Whether {@code c} took traffic its replicas do not account for yet (and was sized already). */
    boolean needsResize(ClusterRun c) {
        return ctx.plan().replicas() != null && c.replicasCommit() != null && c.taken().needsResize()
                && (c.status() == ClusterStatus.PENDING || c.status().active());
    }

    WaveStep size(WaveRunState s, ClusterRun c) throws RolloutException {
        Wave wave = ctx.plan().waves().get(c.wave());
        LoadForecast forecast;
        try {
            forecast = forecast(c, wave);
        } catch (LoadForecaster.ForecastException e) {
            return failures.waveFailed(s, "wave " + wave.name() + ": cannot size " + c.cluster() + ": " + e.getMessage());
        }
        int replicas = ctx.plan().replicas().replicasFor(forecast);
        String peak = peak(forecast);
        PromotionResult result;
        try {
            result = commit(c, replicas, "Size " + ctx.plan().app() + " in " + c.cluster() + " for wave " + wave.name() + ": "
                    + replicas + " replicas for a forecast peak of " + peak, STEP_REPLICAS);
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "sizing commit for " + c.cluster() + " failed: " + e.getMessage()));
        }
        WaveRunState next = s.with(c.sized(replicas, result.commitId()).withTaken(c.taken().allSized())).succeeded();
        return WaveStep.progress(timeline.record(next, timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.SIZED,
                c.cluster() + ": " + ctx.plan().replicas().locator().describe() + " " + previous(result) + " -> " + replicas
                        + " for a forecast peak of " + peak + " (" + forecast.basis() + ") in commit "
                        + WaveTimeline.shortId(result.commitId()) + (result.alreadyCommitted() ? " (already in history)" : ""))));
    }

    /** Sizes {@code c} again for the traffic it took; one commit, whose trailers name the cluster it took it from. */
    WaveStep resize(WaveRunState s, ClusterRun c) throws RolloutException {
        Wave wave = ctx.plan().waves().get(c.wave());
        String from = c.taken().shares().get(c.taken().shares().size() - 1).from();
        LoadForecast forecast;
        try {
            forecast = forecast(c, wave);
        } catch (LoadForecaster.ForecastException e) {
            return failures.waveFailed(s, "wave " + wave.name() + ": cannot resize " + c.cluster() + " for the traffic it took from "
                    + from + ": " + e.getMessage());
        }
        int replicas = ctx.plan().replicas().replicasFor(forecast);
        String peak = peak(forecast);
        PromotionResult result;
        try {
            result = commit(c, replicas, "Resize " + ctx.plan().app() + " in " + c.cluster() + " after it took traffic of "
                    + from + " (failover): " + replicas + " replicas for a forecast peak of " + peak, STEP_RESIZE_AFTER + from);
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "resize commit for " + c.cluster() + " failed: " + e.getMessage()));
        }
        WaveRunState next = s.with(c.withTaken(c.taken().resized(replicas, result.commitId()))).succeeded();
        return WaveStep.progress(timeline.record(next, timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.SIZED,
                c.cluster() + ": resized " + ctx.plan().replicas().locator().describe() + " " + previous(result) + " -> "
                        + replicas + " after taking traffic of " + from + ", for a forecast peak of " + peak + " ("
                        + forecast.basis() + ") in commit " + WaveTimeline.shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : ""))));
    }

    /**
     * The cluster's own forecast plus, for each share it took, that part of the drained cluster's forecast. Peaks are
     * added: they may not coincide, so this errs on the side of capacity.
     */
    private LoadForecast forecast(ClusterRun c, Wave wave) throws LoadForecaster.ForecastException, RolloutException {
        LoadForecast own = ctx.forecaster().forecast(rollouts.cluster(c), timeline.now(), wave.expectedDuration());
        double peak = own.peakRequestsPerSecond();
        StringBuilder basis = new StringBuilder(own.basis());
        for (TakenTraffic.Share share : c.taken().shares()) {
            Cluster from = ctx.registry().find(share.from()).orElseThrow(() ->
                    new RolloutException("cluster " + share.from() + " is no longer in the cluster registry"));
            LoadForecast theirs = ctx.forecaster().forecast(from, timeline.now(), wave.expectedDuration());
            peak += share.fraction() * theirs.peakRequestsPerSecond();
            basis.append(String.format(Locale.ROOT, "; plus %.0f%% of %s's %s", share.fraction() * 100, share.from(),
                    peak(theirs)));
        }
        return c.taken().shares().isEmpty() ? own : new LoadForecast(peak, basis.toString());
    }

    private PromotionResult commit(ClusterRun c, int replicas, String message, String step)
            throws PromotionException, RolloutException {
        WavePlan plan = ctx.plan();
        Cluster cluster = rollouts.cluster(c);
        return ctx.promoter().promote(new PromotionRequest(plan.gitops().repoUrl(), plan.gitops().branch(),
                cluster.fileInEnvironment(plan.gitops().file()), plan.replicas().locator(), Integer.toString(replicas),
                message, timeline.trailers(c, step), ctx.gitCredentials()));
    }

    private static String peak(LoadForecast forecast) {
        return String.format(Locale.ROOT, "%.0f req/s", forecast.peakRequestsPerSecond());
    }

    private static String previous(PromotionResult result) {
        return result.previousValue() == null ? "?" : result.previousValue();
    }
}
