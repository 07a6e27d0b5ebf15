package io.devopssim.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small line chart as inline SVG, so the report needs no script and works offline. */
final class SvgChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;

    record Point(Instant time, double value) {
    }

    record Line(String name, String color, boolean steps, List<Point> points) {
    }

    private final String title;
    private final String unit;
    private final List<Line> lines = new ArrayList<>();

    SvgChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    SvgChart line(Line line) {
        lines.add(line);
        return this;
    }

    String render() {
        List<Point> all = lines.stream().flatMap(l -> l.points().stream()).filter(p -> Double.isFinite(p.value())).toList();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                WIDTH, HEIGHT, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" class=\"ct\">%s</text>", LEFT, Html.escape(title)));
        if (all.isEmpty()) {
            svg.append("<text x=\"" + LEFT + "\" y=\"100\">no data</text></svg>");
            return svg.toString();
        }
        Instant t0 = all.stream().map(Point::time).min(Instant::compareTo).orElseThrow();
        Instant t1 = all.stream().map(Point::time).max(Instant::compareTo).orElseThrow();
        double span = Math.max(1, Duration.between(t0, t1).toMillis());
        double max = all.stream().mapToDouble(Point::value).max().orElse(1);
        double yMax = max <= 0 ? 1 : max * 1.1;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        // axes and three horizontal grid lines with labels
        for (int i = 0; i <= 2; i++) {
            double v = yMax * i / 2;
            double y = TOP + plotH - plotH * (v / yMax);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/><text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%s</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 4, y + 4, label(v)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"ax\">0</text>", LEFT, HEIGHT - 8));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"ax\" text-anchor=\"end\">+%s %s</text>",
                WIDTH - RIGHT, HEIGHT - 8, formatSpan(Duration.between(t0, t1)), Html.escape(unit)));
        // the legend starts after the title (about 7 px a character at 12 px), so they never overlap
        int legendX = LEFT + 20 + 7 * title.length();
        for (Line line : lines) {
            StringBuilder pts = new StringBuilder();
            double lastY = Double.NaN;
            for (Point p : line.points()) {
                if (!Double.isFinite(p.value())) {
                    continue;
                }
                double x = LEFT + plotW * (Duration.between(t0, p.time()).toMillis() / span);
                double y = TOP + plotH - plotH * (p.value() / yMax);
                if (line.steps() && !Double.isNaN(lastY)) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, lastY));
                }
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                lastY = y;
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>",
                    line.color(), pts.toString().trim(), Html.escape(line.name())));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"15\" class=\"ax\">%s</text>",
                    legendX, line.color(), legendX + 14, Html.escape(line.name())));
            legendX += 30 + 7 * line.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static String label(double v) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.0f" : Math.abs(v) >= 0.1 ? "%.2f" : "%.3f", v);
    }

    private static String formatSpan(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
