package io.devopssim.core.judge;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.MetricCriterion;

import java.util.ArrayList;
import java.util.List;

/**
 * Flagger-style judge: each metric's canary mean is held to absolute bounds and to a bound relative to
 * the baseline mean. Any bound broken with enough data is FAILED; otherwise any metric without enough
 * data (missing, late, NaN, too few samples) is INCONCLUSIVE; only a full set of passing metrics PASSES.
 */
public final class ThresholdJudge implements Judge {
    private final AnalysisSpec spec;

    public ThresholdJudge(AnalysisSpec spec) {
        this.spec = spec;
    }

    @Override
    public Judgement judge(AnalysisInput input) {
        List<MetricResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        for (MetricCriterion criterion : spec.metrics()) {
            MetricResult result = judgeOne(criterion, input);
            results.add(result);
            switch (result.status()) {
                case PASS -> { }
                case NO_DATA -> noData.add(noDataReason(criterion.metric(), result, input));
                case HIGH, LOW -> failures.add(failureReason(result));
            }
        }
        long passed = results.stream().filter(r -> r.status() == MetricStatus.PASS).count();
        double score = results.isEmpty() ? 0 : 100.0 * passed / results.size();
        List<String> reasons = new ArrayList<>(failures);
        reasons.addAll(noData);
        Verdict verdict;
        if (results.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
            reasons.add("no metric to judge");
        } else if (!failures.isEmpty()) {
            verdict = Verdict.FAILED;
        } else if (!noData.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
        } else {
            verdict = Verdict.PASSED;
            reasons.add("all " + results.size() + " metrics within their thresholds");
        }
        return new Judgement(verdict, score, results, reasons);
    }

    private MetricResult judgeOne(MetricCriterion c, AnalysisInput input) {
        String criterion = describe(c);
        CanaryBaseline series = input.series().get(c.metric());
        if (series == null) {
            return new MetricResult(c.metric(), Double.NaN, Double.NaN, criterion, 0, MetricStatus.NO_DATA);
        }
        Stats canary = Stats.of(series.canary());
        Stats baseline = Stats.of(series.baseline());
        boolean needsBaseline = c.maxRatio() != null;
        if (canary.count < spec.minSamples() || (needsBaseline && baseline.count < spec.minSamples())) {
            return new MetricResult(c.metric(), canary.mean, baseline.mean, criterion, canary.count, MetricStatus.NO_DATA);
        }
        MetricStatus status = MetricStatus.PASS;
        if (c.max() != null && canary.mean > c.max()) {
            status = MetricStatus.HIGH;
        } else if (c.min() != null && canary.mean < c.min()) {
            status = MetricStatus.LOW;
        } else if (c.maxRatio() != null && exceedsRatio(canary.mean, baseline.mean, c.maxRatio())) {
            status = MetricStatus.HIGH;
        }
        return new MetricResult(c.metric(), canary.mean, baseline.mean, criterion, canary.count, status);
    }

    /** A zero baseline admits only a zero canary: any ratio of something to nothing is unbounded. */
    private static boolean exceedsRatio(double canary, double baseline, double maxRatio) {
        if (baseline <= 0) {
            return canary > 0;
        }
        return canary > maxRatio * baseline;
    }

    private static String describe(MetricCriterion c) {
        List<String> parts = new ArrayList<>();
        if (c.max() != null) {
            parts.add("<= " + Numbers.format(c.max()));
        }
        if (c.min() != null) {
            parts.add(">= " + Numbers.format(c.min()));
        }
        if (c.maxRatio() != null) {
            parts.add("<= " + Numbers.format(c.maxRatio()) + "x baseline");
        }
        return String.join(", ", parts);
    }

    private String noDataReason(String metric, MetricResult r, AnalysisInput input) {
        String why = input.unavailable().get(metric);
        if (why != null) {
            return metric + ": no data (" + why + ")";
        }
        return metric + ": only " + r.samples() + " canary samples, " + spec.minSamples() + " needed";
    }

    private static String failureReason(MetricResult r) {
        return r.metric() + " canary " + Numbers.format(r.canary()) + " breaks " + r.criterion()
                + " (baseline " + Numbers.format(r.baseline()) + ")";
    }

    /** Mean over the finite values only: NaN and infinities are missing data, never zeros. */
    private record Stats(int count, double mean) {
        static Stats of(List<Sample> samples) {
            int n = 0;
            double sum = 0;
            for (Sample s : samples) {
                if (Double.isFinite(s.value())) {
                    n++;
                    sum += s.value();
                }
            }
            return new Stats(n, n == 0 ? Double.NaN : sum / n);
        }
    }
}
