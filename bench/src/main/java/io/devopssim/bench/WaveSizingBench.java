package io.devopssim.bench;

import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.spec.ReplicaSizing;
import io.devopssim.core.forecast.RequestRateForecaster;
import io.devopssim.core.forecast.SameTimeYesterday;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.sim.FleetModel;
import io.devopssim.multicloud.Cluster;
import io.devopssim.multicloud.ClusterFields;
import io.devopssim.multicloud.ClusterValidation;
import io.devopssim.multicloud.DiurnalLoadForecaster;
import io.devopssim.multicloud.LoadForecaster;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second table of {@code bench/run forecast}: sizing for the peak of a coming window, as a wave sizes a cluster
 * (and as a canary would be sized for its share). For every test point t of a series, each forecaster forecasts the
 * highest rate of [t, t + window] through the code the waves run ({@link ModelForecasts#peak}: one-step forecasts fed
 * back; the diurnal one is plugin-multicloud's {@link DiurnalLoadForecaster} itself), and {@link ReplicaSizing} turns
 * it into replicas (25 % headroom; one replica serves a tenth of the series' training mean, so the mean needs 10).
 * The replicas the actual peak needed are {@code ceil(peak / requestsPerReplica)} (no headroom). Reported: MAE of the
 * peak, under-provisioned windows (fewer replicas than needed) and the replicas over or under what was needed, as a
 * share of the replicas needed; and XGBoost's ratios to the diurnal forecaster. Long series are walked every
 * {@code stride} points (the windows overlap anyway).
 */
final class WaveSizingBench {
    static final Duration WINDOW = Duration.ofMinutes(30);
    private static final double HEADROOM = 0.25;

    private WaveSizingBench() {
    }

    static void header() {
        System.out.println("| series | window | test windows | peak MAE XGBoost / diurnal / yesterday | MAE ratio XGBoost vs diurnal |"
                + " under-provisioned windows XGBoost / diurnal / yesterday | replicas short, % of needed: XGBoost / diurnal / yesterday |"
                + " replicas over, % of needed: XGBoost / diurnal / yesterday | shortfall ratio XGBoost vs diurnal |"
                + " over-provisioning ratio XGBoost vs diurnal |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    /**
     * @param xgboost fitted on the series up to {@code split}
     * @param diurnalMean the mean the diurnal forecaster is given (devsim gives it the cluster's configured mean)
     */
    static void row(String name, List<Sample> s, int split, int stride, RequestRateForecaster xgboost, double diurnalMean,
                    double[] sums) throws LoadForecaster.ForecastException {
        Duration step = Duration.between(s.get(0).time(), s.get(1).time());
        int windowSteps = (int) WINDOW.dividedBy(step);
        double trainMean = s.subList(0, split).stream().mapToDouble(Sample::value).average().orElseThrow();
        ReplicaSizing sizing = new ReplicaSizing(trainMean / 10, HEADROOM, 1, 1_000_000);
        Cluster cluster = cluster();
        DiurnalLoadForecaster diurnal = new DiurnalLoadForecaster(Map.of(cluster.name(), diurnalMean),
                FleetModel.DEFAULT.diurnalAmplitude());
        SameTimeYesterday yesterdayModel = new SameTimeYesterday(step, Duration.ofDays(1));
        RequestRateForecaster yesterday = yesterdayModel.fit(s.subList(0, yesterdayModel.trainingPoints()));
        Tally x = new Tally();
        Tally d = new Tally();
        Tally y = new Tally();
        int need = Math.max(xgboost.historyNeeded(), yesterday.historyNeeded());
        for (int t = Math.max(split, need) - 1; t + windowSteps < s.size(); t += stride) {
            double actual = 0;
            for (int k = 0; k <= windowSteps; k++) {
                actual = Math.max(actual, s.get(t + k).value());
            }
            int needed = (int) Math.ceil(actual / sizing.requestsPerReplica() - 1e-9);
            List<Sample> recent = s.subList(t + 1 - need, t + 1);
            x.add(ModelForecasts.peak(xgboost, recent, windowSteps).value(), actual, needed, sizing);
            y.add(ModelForecasts.peak(yesterday, recent, windowSteps).value(), actual, needed, sizing);
            d.add(diurnal.forecast(cluster, s.get(t).time(), WINDOW).peakRequestsPerSecond(), actual, needed, sizing);
        }
        sums[0] += x.mae() / d.mae();
        sums[1] += x.over() / d.over();
        sums[2] += 1;
        if (d.short_() > 0) {
            sums[3] += x.short_() / d.short_();
            sums[4] += 1;
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f / %.4f / %.4f | **%.3f** | %.1f%% / %.1f%% / %.1f%% | %.1f / %.1f / %.1f |"
                        + " %.1f / %.1f / %.1f | %s | **%.3f** |%n",
                name, io.devopssim.core.spec.Durations.format(WINDOW), x.n, x.mae(), d.mae(), y.mae(), x.mae() / d.mae(),
                x.underShare(), d.underShare(), y.underShare(), x.short_(), d.short_(), y.short_(), x.over(), d.over(), y.over(),
                d.short_() > 0 ? String.format(Locale.ROOT, "**%.3f**", x.short_() / d.short_()) : "- (neither short)",
                x.over() / d.over());
    }

    /** The diurnal forecaster knows clusters by name only; this is one of them. */
    private static Cluster cluster() {
        try {
            return ClusterValidation.registry(List.of(new ClusterFields("bench", "gke", "europe-west1", Map.of(),
                    "https://bench.k8s.example", null, null, "bench-token", null, null, List.of(), "clusters/bench")), "clusters")
                    .clusters().get(0);
        } catch (io.devopssim.core.spec.InvalidSpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Tally {
        private double absolute;
        private int n;
        private int under;
        private long neededSum;
        private long shortSum;
        private long overSum;

        void add(double forecastPeak, double actualPeak, int needed, ReplicaSizing sizing) {
            absolute += Math.abs(forecastPeak - actualPeak);
            n++;
            int replicas = sizing.replicas(forecastPeak);
            under += replicas < needed ? 1 : 0;
            neededSum += needed;
            shortSum += Math.max(0, needed - replicas);
            overSum += Math.max(0, replicas - needed);
        }

        double mae() {
            return absolute / n;
        }

        double underShare() {
            return 100.0 * under / n;
        }

        double short_() {
            return 100.0 * shortSum / neededSum;
        }

        double over() {
            return 100.0 * overSum / neededSum;
        }
    }
}
