package io.devopssim.mlgate.gate;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.Durations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The XGBoost deployment gate: the window's features go to the model, which gives the probability that
 * the release is bad. At or above the threshold the verdict is FAILED, below it PASSED; an incomplete
 * feature vector (missing metric, too few points) is INCONCLUSIVE, and a model failure is ERROR. The
 * reasons are the features with the largest SHAP contributions, with their values and signs.
 */
public final class XgboostGate implements Judge {
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_REASONS = 3;

    private final GateModel model;
    private final FeatureExtractor extractor;
    private final double threshold;
    private final int reasons;

    public XgboostGate(GateModel model, FeatureExtractor extractor, double threshold, int reasons) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
        }
        this.model = model;
        this.extractor = extractor;
        this.threshold = threshold;
        this.reasons = reasons;
    }

    public XgboostGate(GateModel model) {
        this(model, new FeatureExtractor(), DEFAULT_THRESHOLD, DEFAULT_REASONS);
    }

    /** The metrics the features are computed from, whatever criteria the spec lists. */
    @Override
    public Set<String> requiredMetrics() {
        Set<String> metrics = new LinkedHashSet<>(FeatureSchema.METRICS);
        metrics.add(StandardMetrics.REQUEST_RATE);
        return metrics;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public Judgement judge(AnalysisInput input) {
        Features features = extractor.extract(input);
        if (!features.complete()) {
            List<String> why = new ArrayList<>(features.missing());
            why.add("the model is not asked on partial data: never a pass");
            return new Judgement(Verdict.INCONCLUSIVE, 0, metricResults(input, null, Verdict.INCONCLUSIVE), why);
        }
        float[] values = features.values();
        double p;
        float[] contributions;
        try {
            p = model.probabilityBad(values);
            contributions = model.contributions(values);
        } catch (ModelException e) {
            return new Judgement(Verdict.ERROR, 0, List.of(), List.of("the model failed: " + e.getMessage()));
        }
        Verdict verdict = p >= threshold ? Verdict.FAILED : Verdict.PASSED;
        List<String> why = new ArrayList<>();
        why.add("probability the release is bad " + Numbers.format(p) + (verdict == Verdict.FAILED ? " >= " : " < ")
                + "threshold " + Numbers.format(threshold));
        why.addAll(topContributions(values, contributions));
        if (input.chaos() != null) {
            why.add(chaosReason(input.chaos(), contributions));
        }
        return new Judgement(verdict, 100 * (1 - p), metricResults(input, contributions, verdict), why);
    }

    /**
     * One SHAP reason read back from its text (what {@link #judge} writes), for views that draw it: a feature
     * with its value, or {@link #CHAOS_FEATURES} for the chaos line's sum over the chaos features.
     *
     * @param feature the feature's name
     * @param value   its value as the reason shows it ("" for the chaos line)
     * @param shap    its contribution to the log-odds of a bad release
     */
    public record Contribution(String feature, String value, double shap) {
        public static final String CHAOS_FEATURES = "chaos (all features)";
        private static final Pattern FEATURE = Pattern.compile(
                "^([a-z0-9_]+\\.[a-z0-9_]+) = (\\S+) \\(SHAP ([+-]?[0-9.eE+-]+|NaN) toward (?:bad|healthy)\\)$");
        private static final Pattern CHAOS = Pattern.compile("^chaos .*; chaos features SHAP ([+-]?[0-9.eE+-]+) toward (?:bad|healthy)$");

        /** The contribution a reason states, or empty for any other reason. */
        public static Optional<Contribution> parse(String reason) {
            Matcher m = FEATURE.matcher(reason);
            if (m.matches()) {
                return number(m.group(3)).map(v -> new Contribution(m.group(1), m.group(2), v));
            }
            Matcher c = CHAOS.matcher(reason);
            if (c.matches()) {
                return number(c.group(1)).map(v -> new Contribution(CHAOS_FEATURES, "", v));
            }
            return Optional.empty();
        }

        private static Optional<Double> number(String text) {
            try {
                return Optional.of(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The features that moved the decision most, largest first; positive pushes toward "bad". */
    private List<String> topContributions(float[] values, float[] contributions) {
        List<String> names = FeatureSchema.names();
        return IntStream.range(0, names.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(contributions[i])))
                .limit(reasons)
                .map(i -> names.get(i) + " = " + Numbers.format(values[i]) + " (SHAP "
                        + (contributions[i] >= 0 ? "+" : "") + Numbers.format(contributions[i])
                        + (contributions[i] >= 0 ? " toward bad)" : " toward healthy)"))
                .toList();
    }

    /**
     * The chaos evidence in one line, with what its features together added to the log-odds: shown whether or
     * not it is among the top contributions, since a reader wants to know how the experiment weighed.
     */
    static String chaosReason(ChaosResult r, float[] contributions) {
        double push = 0;
        for (String feature : FeatureSchema.CHAOS) {
            push += contributions[FeatureSchema.index(feature)];
        }
        return "chaos " + r.experimentId() + " (" + r.outcome() + "): hypothesis " + (r.hypothesisHeld() ? "held" : "broken")
                + ", error budget burned " + Numbers.format(r.errorBudgetBurned())
                + (r.timeToRecover() == null ? ", not recovered" : ", recovered in " + Durations.format(r.timeToRecover()))
                + (Double.isNaN(r.worstProbeRatio()) ? "" : ", worst probe x" + Numbers.format(r.worstProbeRatio()))
                + "; chaos features SHAP " + (push >= 0 ? "+" : "") + Numbers.format(push)
                + (push >= 0 ? " toward bad" : " toward healthy");
    }

    /**
     * Per-metric lines for the report: the means, and HIGH for a metric whose features together pushed a
     * failed verdict toward "bad".
     */
    private static List<MetricResult> metricResults(AnalysisInput input, float[] contributions, Verdict verdict) {
        List<MetricResult> results = new ArrayList<>();
        for (String metric : FeatureSchema.METRICS) {
            CanaryBaseline series = input.series().get(metric);
            double canary = series == null ? Double.NaN : mean(series.canary());
            double baseline = series == null ? Double.NaN : mean(series.baseline());
            int samples = series == null ? 0 : (int) series.canary().stream().filter(s -> Double.isFinite(s.value())).count();
            MetricStatus status;
            if (contributions == null || samples == 0) {
                // no verdict on a metric the window did not have (a source that does not collect it)
                status = MetricStatus.NO_DATA;
            } else {
                double push = 0;
                List<String> names = FeatureSchema.names();
                for (int i = 0; i < names.size(); i++) {
                    if (FeatureSchema.metricOf(names.get(i)).equals(metric)) {
                        push += contributions[i];
                    }
                }
                status = verdict == Verdict.FAILED && push > 0 ? MetricStatus.HIGH : MetricStatus.PASS;
            }
            results.add(new MetricResult(metric, canary, baseline, "XGBoost gate", samples, status));
        }
        return results;
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
