package io.devopssim.deploy.view;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rollout of a build as its pages show it: status, verdict and score, the timeline, every analysis
 * with canary against baseline per metric, the same per metric across the rollout (for charts), chaos
 * runs and commits with links. Built from the saved state alone, so a page always shows what the state
 * store holds; the views only render it.
 *
 * @param subject      which rollout
 * @param status       where it stands
 * @param verdict      the last analysis verdict, or null before any
 * @param score        the last analysis score, or null before any
 * @param outcome      why it rolled back, failed or was aborted, or null
 * @param weight       the canary weight now
 * @param startedAt    the first event's time, or null
 * @param updatedAt    the last event's time, or null
 * @param timeline     every event, oldest first
 * @param analyses     every judged window, oldest first
 * @param metricSeries per metric, its means at each window, metrics in the order first judged
 * @param commits      environment-repository commits, oldest first
 * @param chaos        chaos experiments, oldest first
 */
public record RolloutView(RolloutSubject subject, RolloutStatus status, String verdict, Double score, String outcome,
                          int weight, Instant startedAt, Instant updatedAt, List<TimelinePoint> timeline,
                          List<AnalysisPoint> analyses, List<MetricSeries> metricSeries, List<CommitLink> commits,
                          List<ChaosPoint> chaos) {

    public RolloutView {
        timeline = List.copyOf(timeline);
        analyses = List.copyOf(analyses);
        metricSeries = List.copyOf(metricSeries);
        commits = List.copyOf(commits);
        chaos = List.copyOf(chaos);
    }

    /** @param state the saved state, or null when the rollout has not saved one yet */
    public static RolloutView of(RolloutSubject subject, RolloutState state) {
        if (state == null) {
            return new RolloutView(subject, RolloutStatus.NOT_STARTED, null, null, null, 0, null, null, List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        List<RolloutEvent> events = state.events();
        Instant start = events.isEmpty() ? null : events.get(0).time();
        List<TimelinePoint> timeline = new ArrayList<>();
        List<AnalysisPoint> analyses = new ArrayList<>();
        Map<String, List<MetricSeries.Point>> series = new LinkedHashMap<>();
        List<CommitLink> commits = new ArrayList<>();
        List<ChaosPoint> chaos = new ArrayList<>();
        Judgement last = null;
        for (RolloutEvent e : events) {
            Integer step = e.stepIndex() < 0 ? null : e.stepIndex() + 1;
            Judgement j = e.judgement();
            String url = CommitLinks.url(subject.repoUrl(), e.commitId());
            timeline.add(new TimelinePoint(e.time(), start == null ? 0 : Duration.between(start, e.time()).toSeconds(), step,
                    e.kind().name(), e.message(), e.weight(), j == null ? null : j.verdict().name(), j == null ? null : j.score(),
                    e.commitId(), url));
            if (e.commitId() != null) {
                commits.add(new CommitLink(e.commitId(), CommitLinks.shortId(e.commitId()), url, e.kind().name(), e.message(), e.time()));
            }
            if (j != null && e.kind() == RolloutEvent.Kind.ANALYSIS) {
                last = j;
                List<MetricComparison> metrics = new ArrayList<>();
                for (MetricResult m : j.metrics()) {
                    MetricComparison c = new MetricComparison(m.metric(), MetricComparison.finite(m.canary()),
                            MetricComparison.finite(m.baseline()), m.criterion(), m.samples(), m.status().name());
                    metrics.add(c);
                    series.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(new MetricSeries.Point(e.time(), step,
                            e.weight(), c.canary(), c.baseline(), c.status()));
                }
                analyses.add(new AnalysisPoint(e.time(), step, e.weight(), j.verdict().name(), j.score(), metrics, j.reasons()));
            } else if (j != null) {
                last = j; // promotion and rollback events carry the judgement they were decided on
            }
            if (e.chaos() != null) {
                var r = e.chaos();
                chaos.add(new ChaosPoint(e.time(), step, r.experimentId(), r.outcome().name(), r.hypothesisHeld(),
                        r.errorBudgetBurned(), r.timeToRecover() == null ? null : r.timeToRecover().toMillis() / 1000.0));
            }
        }
        List<MetricSeries> metricSeries = series.entrySet().stream().map(en -> new MetricSeries(en.getKey(), en.getValue())).toList();
        return new RolloutView(subject, RolloutStatus.of(state.phase()), last == null ? null : last.verdict().name(),
                last == null ? null : last.score(), state.outcome(), state.weight(), start,
                events.isEmpty() ? null : events.get(events.size() - 1).time(), timeline, analyses, metricSeries, commits, chaos);
    }

    public String rolloutId() {
        return subject.rolloutId();
    }

    public boolean awaitingApproval() {
        return status == RolloutStatus.PAUSED;
    }

    /** {@code score 97.5}, or empty before any analysis. */
    public String scoreText() {
        return score == null ? "" : "score " + Numbers.format(score);
    }

    public BadgeView badge() {
        String text = status.label() + (score == null ? "" : " " + Numbers.format(score));
        StringBuilder tip = new StringBuilder(subject.step()).append(' ').append(subject.rolloutId()).append(": ")
                .append(status.label());
        if (verdict != null) {
            tip.append(", last verdict ").append(verdict).append(" (").append(scoreText()).append(')');
        }
        if (outcome != null && !outcome.isBlank()) {
            tip.append(": ").append(outcome);
        }
        return new BadgeView(status, text, tip.toString(), symbol(status));
    }

    private static String symbol(RolloutStatus status) {
        return switch (status) {
            case PROMOTED -> "\u2714";
            case ROLLED_BACK -> "\u21a9";
            case ABORTED, FAILED -> "\u2716";
            case PAUSED -> "\u23f8";
            case RUNNING, ROLLING_BACK -> "\u27f3";
            case NOT_STARTED -> "\u00b7";
        };
    }
}
