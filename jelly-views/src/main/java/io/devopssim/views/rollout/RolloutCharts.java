package io.devopssim.views.rollout;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.views.chart.BarChart;
import io.devopssim.views.chart.Chart;
import io.devopssim.views.chart.TimelineChart;
import io.devopssim.views.chart.TimelineChart.Point;
import io.devopssim.views.chart.TimelineChart.Shape;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charts of one rollout, from its timeline and the metric series its gate saw: what devsim's HTML report
 * shows and what a Jenkins run page shows with the devsim {@code chart} tag. All the logic of the pictures is
 * here, unit-tested; the pages only place the charts.
 */
public final class RolloutCharts {
    static final int TIMELINE_HEIGHT = 300;
    static final int METRIC_HEIGHT = 240;
    static final int GATE_HEIGHT = 280;
    static final int CHAOS_HEIGHT = 240;

    private final List<RolloutEvent> events;
    private final List<CanaryBaseline> series;
    private final Instant origin;

    /**
     * @param events the rollout's timeline, oldest first; not empty
     * @param series the metric series its gate saw (may be empty)
     */
    public RolloutCharts(List<RolloutEvent> events, List<CanaryBaseline> series) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a rollout without events has nothing to chart");
        }
        this.events = List.copyOf(events);
        this.series = List.copyOf(series);
        this.origin = this.events.get(0).time();
    }

    /**
     * Traffic to the release over time (100% once promoted), each analysis's verdict at its score, commits as
     * markers, and the analysis windows, chaos experiments and pauses as bands.
     */
    public Chart timeline() {
        TimelineChart c = TimelineChart.since(origin, "Traffic to the release, and the gate's verdicts")
                .axis("traffic %", 0.0, 100.0)
                .axis("gate score", 0.0, 100.0);
        List<Point> traffic = new ArrayList<>();
        Map<Verdict, List<Point>> verdicts = new EnumMap<>(Verdict.class);
        for (RolloutEvent e : events) {
            traffic.add(new Point(e.time(), e.kind() == Kind.PROMOTED ? 100 : e.weight(), e.message()));
            if (e.kind() == Kind.ANALYSIS && e.judgement() != null) {
                Judgement j = e.judgement();
                verdicts.computeIfAbsent(j.verdict(), v -> new ArrayList<>()).add(new Point(e.time(), j.score(),
                        step(e) + ": " + j.verdict() + ", score " + score(j.score())));
            }
        }
        c.line("traffic to the release", Colors.PURPLE, Shape.STEP_AREA, 0, traffic);
        verdicts.forEach((v, points) -> c.points(v.name(), Colors.of(v), symbol(v), 1, points));
        bands(c, true);
        for (RolloutEvent e : events) {
            if (e.commitId() != null) {
                c.marker(e.time(), commitLabel(e), switch (e.kind()) {
                    case PROMOTED -> Colors.GREEN;
                    case ROLLED_BACK -> Colors.RED;
                    default -> Colors.PURPLE;
                });
            }
        }
        return c.build(TIMELINE_HEIGHT);
    }

    /** Canary against baseline for each metric, over the whole rollout, with the analysis windows shaded. */
    public List<Chart> metrics() {
        List<Chart> charts = new ArrayList<>();
        for (CanaryBaseline s : series) {
            TimelineChart c = TimelineChart.since(origin, s.metric() + ": canary vs baseline")
                    .axis(s.metric(), null, null)
                    .line("baseline", Colors.BLUE, Shape.LINE, 0, points(s.baseline()))
                    .line("canary", Colors.ORANGE, Shape.LINE, 0, points(s.canary()));
            bands(c, false);
            charts.add(c.build(METRIC_HEIGHT));
        }
        return charts;
    }

    /**
     * The gate's reasons in numbers: for each analysis, each metric's canary value as a multiple of the
     * baseline's, red where the metric failed its criterion. Empty when the rollout had no analysis.
     */
    public Optional<Chart> gate() {
        List<RolloutEvent> analyses = events.stream()
                .filter(e -> e.kind() == Kind.ANALYSIS && e.judgement() != null).toList();
        if (analyses.isEmpty()) {
            return Optional.empty();
        }
        Set<String> metrics = new LinkedHashSet<>();
        analyses.forEach(e -> e.judgement().metrics().forEach(m -> metrics.add(m.metric())));
        List<String> categories = List.copyOf(metrics);
        BarChart c = BarChart.of("Gate: canary as a multiple of baseline, at each analysis", categories)
                .axis("canary ÷ baseline").reference(1, "baseline");
        for (int i = 0; i < analyses.size(); i++) {
            RolloutEvent e = analyses.get(i);
            List<BarChart.Bar> bars = new ArrayList<>();
            for (String metric : categories) {
                bars.add(e.judgement().metrics().stream().filter(m -> m.metric().equals(metric)).findFirst()
                        .map(RolloutCharts::bar).orElse(new BarChart.Bar(Double.NaN, null, "not judged", null)));
            }
            c.series(step(e) + " at " + e.weight() + "%", Colors.ANALYSES[Math.min(i, Colors.ANALYSES.length - 1)], bars);
        }
        return Optional.of(c.build(GATE_HEIGHT));
    }

    /** The judgement that decided the rollout: its last analysis's (the one a rollback or promotion followed). */
    public Optional<Judgement> decidingJudgement() {
        for (int i = events.size() - 1; i >= 0; i--) {
            RolloutEvent e = events.get(i);
            if (e.kind() == Kind.ANALYSIS && e.judgement() != null) {
                return Optional.of(e.judgement());
            }
        }
        return Optional.empty();
    }

    /**
     * Each chaos experiment's probes over time (two probes a chart, one on each axis), with the checks at which
     * the steady state broke marked and the faults' time shaded. Empty when the rollout ran no experiment.
     */
    public List<Chart> chaos() {
        List<Chart> charts = new ArrayList<>();
        for (RolloutEvent e : events) {
            if (e.kind() != Kind.CHAOS || e.chaos() == null) {
                continue;
            }
            ChaosResult r = e.chaos();
            List<ProbeSeries> probes = r.probes();
            for (int from = 0; from < probes.size(); from += 2) {
                List<ProbeSeries> pair = probes.subList(from, Math.min(from + 2, probes.size()));
                charts.add(chaosChart(e, r, pair));
            }
        }
        return charts;
    }

    private Chart chaosChart(RolloutEvent e, ChaosResult r, List<ProbeSeries> probes) {
        String verdict = r.hypothesisHeld() ? "hypothesis held" : "hypothesis did not hold";
        TimelineChart c = TimelineChart.since(origin, "Chaos " + r.experimentId() + ": " + r.outcome().name()
                .toLowerCase(Locale.ROOT) + ", " + verdict).fromFirstPoint();
        String[] colors = {Colors.BLUE, Colors.ORANGE};
        List<Point> broken = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeSeries p = probes.get(i);
            c.axis(p.probe(), null, null);
            List<Point> values = new ArrayList<>();
            for (ProbePoint point : p.points()) {
                values.add(new Point(point.time(), point.value(), p.probe() + " " + point.stage().name().toLowerCase(Locale.ROOT)
                        + (point.held() ? "" : ", broken")));
                if (!point.held()) {
                    broken.add(new Point(point.time(), Double.isNaN(point.value()) ? 0 : point.value(), p.probe() + " broken"));
                }
            }
            c.line(p.probe(), colors[i], Shape.LINE, i, values);
        }
        if (!broken.isEmpty()) {
            // on the first probe's axis: where the check failed, not its exact value, is what matters here
            c.points("steady state broken", Colors.RED, "triangle", 0, broken);
        }
        faults(probes).ifPresent(span -> c.band(span[0], span[1], "faults", Colors.RED));
        return c.build(CHAOS_HEIGHT);
    }

    private static Optional<Instant[]> faults(List<ProbeSeries> probes) {
        Instant first = null;
        Instant last = null;
        for (ProbeSeries p : probes) {
            for (ProbePoint point : p.points()) {
                if (point.stage() == ProbePoint.Stage.DURING) {
                    first = first == null || point.time().isBefore(first) ? point.time() : first;
                    last = last == null || point.time().isAfter(last) ? point.time() : last;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Instant[] {first, last});
    }

    /** Analysis windows coloured by their verdict; with {@code all}, also chaos experiments and pauses. */
    private void bands(TimelineChart c, boolean all) {
        Map<Integer, Instant> started = new HashMap<>();
        for (RolloutEvent e : events) {
            switch (e.kind()) {
                case ANALYSIS_STARTED, CHAOS_STARTED, PAUSE_STARTED -> started.put(e.stepIndex(), e.time());
                case ANALYSIS -> {
                    Instant from = started.remove(e.stepIndex());
                    if (from != null && e.judgement() != null) {
                        c.band(from, e.time(), "analysis", Colors.of(e.judgement().verdict()));
                    }
                }
                case CHAOS -> {
                    Instant from = started.remove(e.stepIndex());
                    if (from != null && all) {
                        c.band(from, e.time(), "chaos", Colors.ORANGE);
                    }
                }
                case PAUSE_ENDED, APPROVED -> {
                    Instant from = started.remove(e.stepIndex());
                    if (from != null && all) {
                        c.band(from, e.time(), "pause", Colors.GREY);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static BarChart.Bar bar(MetricResult m) {
        double ratio = m.baseline() > 0 && Double.isFinite(m.canary()) ? m.canary() / m.baseline() : Double.NaN;
        String name = m.metric() + ": canary " + number(m.canary()) + ", baseline " + number(m.baseline()) + " ("
                + m.criterion() + ") " + m.status();
        if (m.status() == MetricStatus.PASS) {
            return new BarChart.Bar(ratio, null, null, name);
        }
        String label = m.status() == MetricStatus.NO_DATA ? "no data" : m.status().name();
        return new BarChart.Bar(ratio, Colors.of(m.status()), label, name);
    }

    private static String commitLabel(RolloutEvent e) {
        String what = switch (e.kind()) {
            case PROMOTED -> "promote";
            case ROLLED_BACK -> "rollback";
            default -> "commit";
        };
        return what + " " + e.commitId().substring(0, Math.min(8, e.commitId().length()));
    }

    private static String step(RolloutEvent e) {
        return "step " + (e.stepIndex() + 1);
    }

    private static String symbol(Verdict v) {
        return switch (v) {
            case PASSED -> "circle";
            case FAILED -> "triangle";
            case INCONCLUSIVE -> "diamond";
            case ERROR -> "rect";
        };
    }

    private static List<Point> points(List<Sample> samples) {
        return samples.stream().map(s -> Point.of(s.time(), s.value())).toList();
    }

    private static String score(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "none";
    }
}
