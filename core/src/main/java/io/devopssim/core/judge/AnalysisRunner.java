package io.devopssim.core.judge;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.MetricCriterion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fetches every metric an analysis needs for one window and hands the lot to a judge. */
public final class AnalysisRunner {
    private final MetricsProvider metrics;
    private final Judge judge;

    public AnalysisRunner(MetricsProvider metrics, Judge judge) {
        this.metrics = metrics;
        this.judge = judge;
    }

    /** The same metrics judged by another judge: an analysis with criteria of its own. */
    public AnalysisRunner withJudge(Judge other) {
        return new AnalysisRunner(metrics, other);
    }

    public Judgement analyse(AnalysisSpec spec, Instant start, Instant end) {
        Map<String, CanaryBaseline> series = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (MetricCriterion c : spec.metrics()) {
            if (series.containsKey(c.metric()) || unavailable.containsKey(c.metric())) {
                continue;
            }
            try {
                series.put(c.metric(), metrics.fetch(new MetricQuery(c.metric(), start, end, spec.interval())));
            } catch (MetricsUnavailableException e) {
                // the judge turns this into NO_DATA, so the verdict is INCONCLUSIVE at best
                unavailable.put(c.metric(), e.getMessage());
            }
        }
        return judge.judge(new AnalysisInput(start, end, series, unavailable));
    }
}
