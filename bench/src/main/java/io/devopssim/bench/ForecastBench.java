package io.devopssim.bench;

import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.mlgate.eval.nab.LabelledSeries;
import io.devopssim.mlgate.eval.nab.NabCorpus;
import io.devopssim.mlgate.eval.petshop.PetShopMetrics;
import io.devopssim.mlgate.forecast.ForecastConfig;
import io.devopssim.mlgate.forecast.LoadForecaster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The XGBoost load forecaster against the naive forecasts on traffic-like series: NAB's realTweets
 * (mentions per 5 minutes, 55 days each: request-count-like, with a daily cycle and bursts) and PetShop's
 * PetSite requests in normal operation (29 hours, so no daily season). Each series is split in time:
 * the model is fitted on the first 60 % and forecasts, walking forward one point at a time without
 * refitting, every point of the last 40 %. Naive: the last value; seasonal naive: the value one day
 * before the target. MAPE skips zero actuals. "Under-provisioned" is the share of points whose actual
 * rate exceeded the forecast plus 25 % headroom, i.e. replicas sized from that forecast would have been short.
 *
 * <p>A second table ({@link WaveSizingBench}) sizes replicas for the peak of the next 30 minutes, as waves size
 * clusters, with XGBoost, plugin-multicloud's diurnal profile and the same time yesterday, on a simulated fleet and
 * the NAB series.
 *
 * <p>Arguments: {@code [datasetsDirectory]} (default {@code ../shared/datasets}).
 */
public final class ForecastBench {
    private static final double TRAIN_SHARE = 0.6;
    private static final double HEADROOM = 0.25;
    private static final int[] HORIZONS = {1, 6};

    private ForecastBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        List<Named> series = new ArrayList<>();
        for (LabelledSeries f : NabCorpus.read(root.resolve("nab")).files()) {
            if (f.category().equals("realTweets")) {
                double[] v = f.values();
                List<Sample> s = new ArrayList<>(v.length);
                for (int i = 0; i < v.length; i++) {
                    s.add(new Sample(f.times().get(i), v[i] / 300));   // mentions per 5 minutes -> per second
                }
                series.add(new Named("NAB " + f.name(), s, ForecastConfig.DAILY));
            }
        }
        ForecastConfig noSeason = new ForecastConfig(1, 6, 12, Duration.ZERO, 200, 4, 0.05, 7);
        for (String scenario : List.of("high_traffic", "low_traffic")) {
            PetShopMetrics m = PetShopMetrics.read(root.resolve("petshop").resolve(scenario).resolve("noissue/metrics_first60pct.csv"));
            double[] requests = m.values(new PetShopMetrics.Column("PetSite", "requests", "Sum"));
            List<Sample> s = new ArrayList<>();
            for (int i = 0; i < requests.length; i++) {
                s.add(new Sample(m.times().get(i), requests[i] / 300));
            }
            series.add(new Named("PetShop " + scenario + " PetSite requests", s, noSeason));
        }

        System.out.println("| series | horizon | test points | MAE XGBoost | MAE last value | MAE same time yesterday | MAE ratio vs last | MAE ratio vs yesterday | MAPE XGBoost | MAPE last | MAPE yesterday | under-provisioned XGBoost / last value (+25 %) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        double[] sums = new double[4];
        for (Named named : series) {
            for (int horizon : HORIZONS) {
                row(named, horizon, sums);
            }
        }
        System.out.printf(Locale.ROOT, "%nMean MAE ratio XGBoost / last value over the rows: %.3f; XGBoost / same time yesterday (NAB rows): %.3f%n",
                sums[0] / sums[1], sums[2] / sums[3]);

        // sizing for a window's peak, as waves size clusters: XGBoost vs the waves' diurnal profile vs yesterday
        System.out.println();
        WaveSizingBench.header();
        double[] sizing = new double[5];
        List<Sample> fleet = simulatedFleet();
        int fleetSplit = fleet.size() * 10 / 14;
        try (LoadForecaster forecaster = LoadForecaster.fit(fleet.subList(0, fleetSplit), ForecastConfig.DAILY)) {
            WaveSizingBench.row("simulated fleet (200 req/s, +-20 % a day)", fleet, fleetSplit, 1, forecaster, 200, sizing);
        }
        for (Named named : series) {
            if (named.config.season().isZero()) {
                continue; // no day of history for the daily forecasters
            }
            List<Sample> s = named.series;
            int split = (int) (s.size() * TRAIN_SHARE);
            double trainMean = s.subList(0, split).stream().mapToDouble(Sample::value).average().orElseThrow();
            try (LoadForecaster forecaster = LoadForecaster.fit(s.subList(0, split), named.config)) {
                WaveSizingBench.row(named.name, s, split, 3, forecaster, trainMean, sizing);
            }
        }
        System.out.printf(Locale.ROOT, "%nMean ratio XGBoost / diurnal over the rows: peak MAE %.3f, replicas over-provisioned %.3f,"
                + " replicas short %.3f (rows where the diurnal one was short)%n", sizing[0] / sizing[2], sizing[1] / sizing[2],
                sizing[3] / sizing[4]);
    }

    /** 14 days of a simulated fleet's request rate every 5 minutes, before any rollout (the stable version alone). */
    private static List<Sample> simulatedFleet() throws Exception {
        Instant start = Instant.parse("2026-11-02T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(14));
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(21, 10, 200, RegressionSpec.NONE), new SimulatedClock(end));
        return fleet.fetch(new MetricQuery(StandardMetrics.REQUEST_RATE, start, end, Duration.ofMinutes(5))).baseline();
    }

    private static void row(Named named, int horizon, double[] sums) {
        List<Sample> s = named.series;
        int split = (int) (s.size() * TRAIN_SHARE);
        ForecastConfig config = named.config.withHorizon(horizon);
        boolean seasonal = !config.season().isZero();
        int day = seasonal ? (int) (config.season().toSeconds() / Duration.between(s.get(0).time(), s.get(1).time()).toSeconds()) : 0;
        long t0 = System.nanoTime();
        try (LoadForecaster forecaster = LoadForecaster.fit(s.subList(0, split), config)) {
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            Errors model = new Errors();
            Errors last = new Errors();
            Errors yesterday = new Errors();
            int underModel = 0;
            int underLast = 0;
            int need = forecaster.historyNeeded();
            int n = 0;
            for (int t = Math.max(split, need) - 1; t + horizon < s.size(); t++) {
                double actual = s.get(t + horizon).value();
                double f = forecaster.forecast(s.subList(t + 1 - need, t + 1));
                model.add(f, actual);
                last.add(s.get(t).value(), actual);
                if (seasonal) {
                    yesterday.add(s.get(t + horizon - day).value(), actual);
                }
                underModel += actual > f * (1 + HEADROOM) ? 1 : 0;
                underLast += actual > s.get(t).value() * (1 + HEADROOM) ? 1 : 0;
                n++;
            }
            sums[0] += model.mae() / last.mae();
            sums[1] += 1;
            if (seasonal) {
                sums[2] += model.mae() / yesterday.mae();
                sums[3] += 1;
            }
            System.out.printf(Locale.ROOT, "| %s | %d x %s | %d | %.4f | %.4f | %s | **%.3f** | %s | %.1f%% | %.1f%% | %s | %.1f%% / %.1f%% |%n",
                    named.name, horizon, Duration.between(s.get(0).time(), s.get(1).time()).toMinutes() + " min", n,
                    model.mae(), last.mae(), seasonal ? String.format(Locale.ROOT, "%.4f", yesterday.mae()) : "-",
                    model.mae() / last.mae(), seasonal ? String.format(Locale.ROOT, "**%.3f**", model.mae() / yesterday.mae()) : "-",
                    model.mape(), last.mape(), seasonal ? String.format(Locale.ROOT, "%.1f%%", yesterday.mape()) : "-",
                    100.0 * underModel / n, 100.0 * underLast / n);
            if (fitSeconds > 60) {
                System.err.printf(Locale.ROOT, "(fit took %.1f s)%n", fitSeconds);
            }
        }
    }

    private record Named(String name, List<Sample> series, ForecastConfig config) {
    }

    private static final class Errors {
        private double absolute;
        private int count;
        private double percent;
        private int percentCount;

        void add(double forecast, double actual) {
            absolute += Math.abs(forecast - actual);
            count++;
            if (actual != 0) {
                percent += Math.abs(forecast - actual) / Math.abs(actual);
                percentCount++;
            }
        }

        double mae() {
            return absolute / count;
        }

        double mape() {
            return 100 * percent / percentCount;
        }
    }

}
