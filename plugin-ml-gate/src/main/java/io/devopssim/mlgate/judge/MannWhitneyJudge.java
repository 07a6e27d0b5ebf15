package io.devopssim.mlgate.judge;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statistical judge in the manner of Kayenta's NetflixACAJudge: each metric is classified PASS / HIGH /
 * LOW / NO_DATA by a Mann-Whitney test, the score is the weighted share of passing metrics per group, and
 * the score is held to the pass and marginal thresholds.
 *
 * <p>Where Kayenta lets missing data through, this judge does not. A NO_DATA metric counts as not passing
 * (Kayenta leaves it out of the score), and any NO_DATA keeps the verdict from PASSED: it is INCONCLUSIVE,
 * unless the metrics that have data already fail the analysis. A failed critical metric is FAILED with
 * score 0, as in Kayenta.
 */
public final class MannWhitneyJudge implements Judge {
    private final MannWhitneyConfig config;
    private final MannWhitneyClassifier classifier;

    public MannWhitneyJudge(MannWhitneyConfig config) {
        this.config = config;
        this.classifier = new MannWhitneyClassifier(config);
    }

    @Override
    public Judgement judge(AnalysisInput input) {
        if (config.metrics().isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, 0, List.of(), List.of("no metric to judge"));
        }
        List<MetricResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> criticalFailures = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        Map<MetricConfig, MetricStatus> statuses = new LinkedHashMap<>();
        for (MetricConfig metric : config.metrics()) {
            MetricClassification c = classifyOne(metric, input);
            statuses.put(metric, c.status());
            results.add(new MetricResult(metric.metric(), c.canaryMean(), c.baselineMean(), describe(metric),
                    c.samples(), c.status()));
            switch (c.status()) {
                case PASS -> passes.add(c.reason());
                case NO_DATA -> noData.add(c.reason());
                case HIGH, LOW -> (metric.critical() ? criticalFailures : failures).add(
                        (metric.critical() ? "critical metric " : "") + c.reason());
            }
        }
        double score = score(statuses, false);
        // the score the analysis would have if every metric without data had passed
        double optimistic = score(statuses, true);

        List<String> reasons = new ArrayList<>(criticalFailures);
        reasons.addAll(failures);
        reasons.addAll(noData);
        Verdict verdict;
        if (!criticalFailures.isEmpty()) {
            verdict = Verdict.FAILED;
            score = 0;
        } else if (optimistic < config.marginalThreshold()) {
            verdict = Verdict.FAILED;
            reasons.add("score " + Numbers.format(score) + " is below the marginal threshold " + Numbers.format(config.marginalThreshold()));
        } else if (!noData.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
            reasons.add(noData.size() + " of " + statuses.size() + " metrics without enough data: never a pass");
        } else if (score >= config.passThreshold()) {
            verdict = Verdict.PASSED;
            reasons.add("score " + Numbers.format(score) + " reaches the pass threshold " + Numbers.format(config.passThreshold()));
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reasons.add("score " + Numbers.format(score) + " is marginal (pass at " + Numbers.format(config.passThreshold()) + ")");
        }
        reasons.addAll(passes);
        return new Judgement(verdict, score, results, reasons);
    }

    private MetricClassification classifyOne(MetricConfig metric, AnalysisInput input) {
        CanaryBaseline series = input.series().get(metric.metric());
        if (series == null) {
            String why = input.unavailable().getOrDefault(metric.metric(), "not fetched");
            return new MetricClassification(MetricStatus.NO_DATA, Double.NaN, Double.NaN, Double.NaN, 0,
                    metric.metric() + ": no data (" + why + ")");
        }
        return classifier.classify(metric, series);
    }

    /**
     * Weighted sum over groups of the share of passing metrics (Kayenta's WeightedSumScorer), 0..100.
     * Groups without a configured weight share the weight left over equally.
     */
    private double score(Map<MetricConfig, MetricStatus> statuses, boolean noDataPasses) {
        Set<String> groups = new TreeSet<>();
        statuses.keySet().forEach(m -> groups.add(m.group()));
        double named = 0;
        int unnamed = 0;
        for (String group : groups) {
            Double w = config.groupWeights().get(group);
            if (w == null) {
                unnamed++;
            } else {
                named += w;
            }
        }
        double leftover = unnamed == 0 ? 0 : Math.max(0, 100 - named) / unnamed;
        double totalWeight = 0;
        double score = 0;
        for (String group : groups) {
            double weight = config.groupWeights().getOrDefault(group, leftover);
            long members = statuses.keySet().stream().filter(m -> m.group().equals(group)).count();
            long passing = statuses.entrySet().stream()
                    .filter(e -> e.getKey().group().equals(group))
                    .filter(e -> e.getValue() == MetricStatus.PASS || (noDataPasses && e.getValue() == MetricStatus.NO_DATA))
                    .count();
            totalWeight += weight;
            score += weight * passing / members;
        }
        return totalWeight == 0 ? 0 : 100 * score / totalWeight;
    }

    private static String describe(MetricConfig m) {
        return "Mann-Whitney, must not " + switch (m.direction()) {
            case INCREASE -> "increase";
            case DECREASE -> "decrease";
            case EITHER -> "change";
        } + (m.critical() ? " (critical)" : "");
    }
}
