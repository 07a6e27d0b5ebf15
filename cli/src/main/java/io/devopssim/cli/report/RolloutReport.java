package io.devopssim.cli.report;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;

import java.time.Instant;
import java.util.List;

/**
 * One rollout as the report shows it.
 *
 * @param rolloutId   id carried by its commits
 * @param app         application
 * @param image       the release
 * @param phase       how it ended
 * @param outcome     why it was rolled back or failed, or null
 * @param started     first event
 * @param ended       last event
 * @param events      the timeline
 * @param series      the metric series the judge saw, over the whole rollout
 * @param environment where it ran (names its badge); added after the first report format, so readers of older
 *                    report.json files find it missing
 */
public record RolloutReport(String rolloutId, String app, String image, RolloutPhase phase, String outcome,
                            Instant started, Instant ended, List<RolloutEvent> events, List<CanaryBaseline> series,
                            String environment) {
    public RolloutReport {
        events = List.copyOf(events);
        series = List.copyOf(series);
    }
}
