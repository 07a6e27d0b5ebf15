package io.devopssim.mlgate.anomaly;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.model.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The single-series anomaly detector ({@link SurpriseDetector}) as a judge, a stage of the combined gate: for
 * each metric it reads, a fresh detector runs over the canary's points of the window in time order, and another
 * over the baseline's. A canary alarm on a rise (the value above the canary's mean so far) that the baseline does
 * not share within {@link #MATCH}, and that lasts (the canary's median from then on above the baseline's by
 * {@link #SUSTAINED}), is unexplained: the metric is HIGH and the verdict FAILED. An alarm the baseline
 * shares has a common cause (traffic, a dependency), not the release. Fewer than {@link #minPoints()} finite
 * points on either side, or a missing metric, is NO_DATA and the verdict INCONCLUSIVE at best.
 *
 * <p>What it adds to the others: they compare the window's distributions as a whole, so a fault that starts in
 * the middle of the window is diluted; the detector sees the change when it happens. The detector
 * learns from the window alone (no season, short windows), so it needs {@code minPoints + shortMean} points
 * before it can alarm.
 */
public final class CanaryAnomalyJudge implements Judge {
    /** Settings for a window of tens of points: levels of 5 points, scored from the 10th on, one alarm per incident. */
    public static final DetectorConfig WINDOW_CONFIG = new DetectorConfig(DetectorConfig.DEFAULT_WINDOW, 5, 10,
            DetectorConfig.DEFAULT_ALARM_SURPRISE, 6, Duration.ZERO, DetectorConfig.DEFAULT_MAX_SEASON_POINTS);
    /** A baseline alarm this close to a canary alarm explains it. */
    public static final Duration MATCH = Duration.ofSeconds(30);
    /** How far above the baseline the canary must stay after an alarm, relatively, for its rise to count. */
    public static final double SUSTAINED = 0.2;
    static final String CRITERION = "anomaly detector";

    private final List<String> metrics;
    private final DetectorConfig config;

    public CanaryAnomalyJudge(List<String> metrics, DetectorConfig config) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("the anomaly judge needs at least one metric");
        }
        this.metrics = List.copyOf(metrics);
        this.config = config;
    }

    public CanaryAnomalyJudge(List<String> metrics) {
        this(metrics, WINDOW_CONFIG);
    }

    @Override
    public Set<String> requiredMetrics() {
        return Set.copyOf(metrics);
    }

    /** Finite points needed on each side. */
    public int minPoints() {
        return config.minPoints() + config.shortMean();
    }

    @Override
    public Judgement judge(AnalysisInput input) {
        List<MetricResult> results = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int passed = 0;
        boolean failed = false;
        boolean noData = false;
        for (String metric : metrics) {
            CanaryBaseline series = input.series().get(metric);
            List<Sample> canary = series == null ? List.of() : finite(series.canary());
            List<Sample> baseline = series == null ? List.of() : finite(series.baseline());
            double canaryMean = mean(canary);
            double baselineMean = mean(baseline);
            if (canary.size() < minPoints() || baseline.size() < minPoints()) {
                noData = true;
                reasons.add(metric + ": " + (series == null ? "no data (" + input.unavailable().getOrDefault(metric, "not fetched") + ")"
                        : canary.size() + " canary and " + baseline.size() + " baseline points, " + minPoints() + " needed on each side"));
                results.add(new MetricResult(metric, canaryMean, baselineMean, CRITERION, canary.size(), MetricStatus.NO_DATA));
                continue;
            }
            List<Alarm> canaryAlarms = alarms(canary);
            List<Alarm> baselineAlarms = alarms(baseline);
            List<Alarm> unexplained = new ArrayList<>();
            List<Alarm> shared = new ArrayList<>();
            for (Alarm a : canaryAlarms) {
                if (!(a.value() > a.before())) {
                    continue; // a drop: not what a release is judged on here
                }
                boolean matched = baselineAlarms.stream().anyMatch(b -> Duration.between(b.time(), a.time()).abs().compareTo(MATCH) <= 0);
                if (matched) {
                    shared.add(a);
                } else if (lasts(a, canary, baseline)) {
                    unexplained.add(a);
                }
            }
            MetricStatus status = unexplained.isEmpty() ? MetricStatus.PASS : MetricStatus.HIGH;
            if (unexplained.isEmpty()) {
                passed++;
                reasons.add(metric + ": no unexplained rise in " + canary.size() + " canary points (largest surprise "
                        + Numbers.format(largest(canary)) + ", alarm at " + Numbers.format(config.alarmSurprise()) + ")"
                        + (shared.isEmpty() ? "" : "; " + shared.size() + " canary alarm(s) shared by the baseline, a common cause"));
            } else {
                failed = true;
                Alarm a = unexplained.get(0);
                reasons.add(metric + ": canary rose to " + Numbers.format(a.value()) + " at " + a.time() + " ("
                        + a.channel().name().toLowerCase(Locale.ROOT) + " surprise " + Numbers.format(a.surprise())
                        + " >= " + Numbers.format(config.alarmSurprise()) + ", mean before " + Numbers.format(a.before())
                        + ") with no baseline alarm within " + MATCH.toSeconds() + " s"
                        + (unexplained.size() > 1 ? "; " + (unexplained.size() - 1) + " more" : ""));
            }
            results.add(new MetricResult(metric, canaryMean, baselineMean, CRITERION, canary.size(), status));
        }
        Verdict verdict = failed ? Verdict.FAILED : noData ? Verdict.INCONCLUSIVE : Verdict.PASSED;
        return new Judgement(verdict, 100.0 * passed / metrics.size(), results, reasons);
    }

    /**
     * One alarm of a detector run over a series.
     *
     * @param before the mean of the points before it
     */
    private record Alarm(Instant time, double value, double before, double surprise, AnomalyScore.Channel channel) {
    }

    /**
     * Whether a canary rise lasts: from the alarm to the end of the window, the canary's median stays above the
     * baseline's median over the same time by {@link #SUSTAINED} (relatively). A lone high point of a small canary
     * (two errors among a few dozen requests) goes back down; a fault stays above the baseline.
     */
    private static boolean lasts(Alarm a, List<Sample> canary, List<Sample> baseline) {
        List<Sample> canaryAfter = canary.stream().filter(p -> !p.time().isBefore(a.time())).toList();
        List<Sample> baselineAfter = baseline.stream().filter(p -> !p.time().isBefore(a.time())).toList();
        if (baselineAfter.isEmpty()) {
            baselineAfter = baseline;
        }
        double reference = median(baselineAfter);
        return median(canaryAfter) > reference + SUSTAINED * Math.abs(reference);
    }

    private List<Alarm> alarms(List<Sample> points) {
        SurpriseDetector detector = new SurpriseDetector(config);
        List<Alarm> alarms = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            Sample s = points.get(i);
            AnomalyScore score = detector.update(s.time(), s.value());
            if (score.alarm()) {
                alarms.add(new Alarm(s.time(), s.value(), i == 0 ? s.value() : sum / i, score.surprise(), score.channel()));
            }
            sum += s.value();
        }
        return alarms;
    }

    private double largest(List<Sample> points) {
        SurpriseDetector detector = new SurpriseDetector(config.withRestPoints(0));
        double largest = 0;
        for (Sample s : points) {
            largest = Math.max(largest, detector.update(s.time(), s.value()).surprise());
        }
        return largest;
    }

    private static double median(List<Sample> points) {
        double[] v = points.stream().mapToDouble(Sample::value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<Sample> finite(List<Sample> samples) {
        return samples.stream().filter(s -> Double.isFinite(s.value())).toList();
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).average().orElse(Double.NaN);
    }
}
