package io.devopssim.core.judge;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.MetricCriterion;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Fetches every metric an analysis needs for one window and hands the lot to a judge. */
public final class AnalysisRunner {
    private final MetricsProvider metrics;
    private final Judge judge;

    public AnalysisRunner(MetricsProvider metrics, Judge judge) {
        this.metrics = metrics;
        this.judge = judge;
    }

    /** The judge, so that whoever built the runner can free what the judge holds (a model) when done with it. */
    public Judge judge() {
        return judge;
    }

    /** The same metrics judged by another judge: an analysis with criteria of its own. */
    public AnalysisRunner withJudge(Judge other) {
        return new AnalysisRunner(metrics, other);
    }

    /** The window's series of the spec's criteria and of whatever the judge reads besides, judged. */
    public Judgement analyse(AnalysisSpec spec, Instant start, Instant end) {
        return analyse(spec, start, end, null);
    }

    /**
     * As {@link #analyse(AnalysisSpec, Instant, Instant)}, with the result of the chaos experiment that ran on
     * the canary before the window (null for none), which the judge may read as evidence.
     */
    public Judgement analyse(AnalysisSpec spec, Instant start, Instant end, ChaosResult chaos) {
        Set<String> names = new LinkedHashSet<>();
        spec.metrics().stream().map(MetricCriterion::metric).forEach(names::add);
        names.addAll(judge.requiredMetrics());
        return judge.judge(fetch(names, spec.interval(), start, end).withChaos(chaos));
    }

    /**
     * The series of {@code names} over {@code [start, end)} at {@code interval}. A metric the source cannot
     * serve is listed in {@link AnalysisInput#unavailable()} with the reason; a judge turns that into
     * NO_DATA, so the verdict is INCONCLUSIVE at best.
     */
    public AnalysisInput fetch(Collection<String> names, Duration interval, Instant start, Instant end) {
        Map<String, CanaryBaseline> series = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String metric : names) {
            if (series.containsKey(metric) || unavailable.containsKey(metric)) {
                continue;
            }
            try {
                series.put(metric, metrics.fetch(new MetricQuery(metric, start, end, interval)));
            } catch (MetricsUnavailableException e) {
                unavailable.put(metric, e.getMessage());
            }
        }
        return new AnalysisInput(start, end, series, unavailable);
    }
}
