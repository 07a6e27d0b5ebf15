package io.devopssim.cli;

import io.devopssim.cli.report.RolloutReport;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.core.state.RolloutEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a finished simulator rollout into its report section, with the series the judge saw. */
final class Reports {
    private Reports() {
    }

    static RolloutReport of(SimulatorRollout.Result r, String environment) {
        return of(r.spec(), r.state(), r.fleet(), environment);
    }

    /** @param source where the series come from; null for none (a cluster rollout without Prometheus) */
    static RolloutReport of(RolloutSpec spec, RolloutState state, MetricsProvider source, String environment) {
        List<RolloutEvent> events = state.events();
        Instant start = events.get(0).time();
        Instant end = events.get(events.size() - 1).time();
        List<CanaryBaseline> series = new ArrayList<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (MetricCriterion c : spec.analysis().metrics()) {
            metrics.add(c.metric());
        }
        if (source != null && end.isAfter(start)) {
            for (String m : metrics) {
                try {
                    series.add(source.fetch(new MetricQuery(m, start, end, spec.analysis().interval())));
                } catch (MetricsUnavailableException e) {
                    series.add(new CanaryBaseline(m, List.of(), List.of()));
                }
            }
        }
        return new RolloutReport(state.rolloutId(), spec.app(), spec.image().toString(), state.phase(),
                state.outcome(), start, end, events, series, environment);
    }
}
