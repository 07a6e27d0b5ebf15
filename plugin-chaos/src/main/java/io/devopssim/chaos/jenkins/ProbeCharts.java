package io.devopssim.chaos.jenkins;

import io.devopssim.chaos.ExperimentState;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.views.chart.Chart;
import io.devopssim.views.chart.TimelineChart;
import io.devopssim.views.chart.TimelineChart.Point;
import io.devopssim.views.chart.TimelineChart.Shape;
import io.devopssim.views.rollout.Colors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run page's charts of one experiment, from its saved state: one timeline per probe, its value at every check,
 * the checks at which it broke marked in red, the faults' time shaded, the recovery marked. Minutes count from the
 * first check. A check that measured nothing is a gap in the line and a broken mark on the axis (it never holds).
 * Plain view model over jelly-views' {@link TimelineChart}; the page hands each {@code optionJson()} to the devsim
 * chart tag.
 */
final class ProbeCharts {
    static final int HEIGHT = 240;

    private ProbeCharts() {
    }

    static List<Chart> of(ExperimentState s) {
        Instant origin = firstCheck(s);
        if (origin == null) {
            return List.of();
        }
        Instant lastCheck = lastCheck(s);
        List<Chart> charts = new ArrayList<>();
        for (Map.Entry<String, List<ProbePoint>> e : s.series().entrySet()) {
            charts.add(chart(s, e.getKey(), e.getValue(), origin, lastCheck));
        }
        return charts;
    }

    private static Chart chart(ExperimentState s, String probe, List<ProbePoint> points, Instant origin, Instant lastCheck) {
        long broken = points.stream().filter(p -> !p.held()).count();
        String title = "Probe " + probe + ": " + (points.isEmpty() ? "no check yet"
                : broken == 0 ? "held at all " + points.size() + " checks" : "broken at " + broken + " of " + points.size() + " checks");
        TimelineChart c = TimelineChart.since(origin, title).axis(probe, null, null);
        List<Point> values = new ArrayList<>();
        List<Point> brokenPoints = new ArrayList<>();
        for (ProbePoint p : points) {
            String stage = p.stage().name().toLowerCase(Locale.ROOT);
            values.add(new Point(p.time(), p.value(), stage + (p.held() ? "" : ", broken")));
            if (!p.held()) {
                // where it broke matters, not an exact height: a check with no data sits on the axis
                brokenPoints.add(new Point(p.time(), Double.isNaN(p.value()) ? 0 : p.value(),
                        Double.isNaN(p.value()) ? "no data" : "broken"));
            }
        }
        c.line(probe, Colors.BLUE, Shape.LINE, 0, values);
        if (!brokenPoints.isEmpty()) {
            c.points("steady state broken", Colors.RED, "triangle", 0, brokenPoints);
        }
        if (s.faultsStartedAt() != null) {
            // still running: up to the last check; halted: up to the confirmed halt
            Instant end = s.faultsHaltedAt() != null ? s.faultsHaltedAt() : lastCheck;
            c.band(s.faultsStartedAt(), end.isBefore(s.faultsStartedAt()) ? s.faultsStartedAt() : end, "faults", Colors.RED);
        }
        if (s.recoveredAt() != null) {
            c.marker(s.recoveredAt(), "recovered", Colors.GREEN);
        }
        return c.build(HEIGHT);
    }

    private static Instant firstCheck(ExperimentState s) {
        return s.series().values().stream().flatMap(List::stream).map(ProbePoint::time).min(Instant::compareTo).orElse(null);
    }

    private static Instant lastCheck(ExperimentState s) {
        return s.series().values().stream().flatMap(List::stream).map(ProbePoint::time).max(Instant::compareTo).orElse(null);
    }
}
