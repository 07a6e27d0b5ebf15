package io.devopssim.views.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Series over time, as an ECharts option: the x axis counts minutes since {@code origin} (a rollout's start), so
 * a page shows the same chart in every time zone. Up to two value axes (left, right), lines, point series,
 * vertical markers (commits, chaos) and shaded bands (analysis windows, pauses).
 */
public final class TimelineChart {
    /** How a line joins its points. */
    public enum Shape {
        /** Straight segments. */
        LINE,
        /** Holds each value until the next point (a weight that changes in steps). */
        STEP,
        /** {@link #STEP}, filled down to the axis. */
        STEP_AREA
    }

    /**
     * One point.
     *
     * @param time  when
     * @param value the value (NaN is a gap)
     * @param name  what the point is, shown by the tooltip; null for none
     */
    public record Point(Instant time, double value, String name) {
        public Point {
            Objects.requireNonNull(time, "time");
        }

        public static Point of(Instant time, double value) {
            return new Point(time, value, null);
        }
    }

    private record Axis(String name, Double min, Double max) {
    }

    private record Marker(Instant at, String label, String color) {
    }

    private record Band(Instant from, Instant to, String label, String color) {
    }

    private final Instant origin;
    private final String title;
    private final List<Axis> axes = new ArrayList<>();
    private final List<ObjectNode> series = new ArrayList<>();
    private final List<String> legend = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private boolean fromFirstPoint;

    private TimelineChart(Instant origin, String title) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.title = Objects.requireNonNull(title, "title");
    }

    public static TimelineChart since(Instant origin, String title) {
        return new TimelineChart(origin, title);
    }

    /** Adds a value axis: the first is on the left (index 0), the second on the right (index 1). */
    public TimelineChart axis(String name, Double min, Double max) {
        if (axes.size() == 2) {
            throw new IllegalStateException("a timeline has at most two value axes");
        }
        axes.add(new Axis(name, min, max));
        return this;
    }

    public TimelineChart line(String name, String color, Shape shape, int axis, List<Point> points) {
        ObjectNode s = series(name, "line", color, axis, points);
        s.put("showSymbol", shape != Shape.LINE || points.size() < 40);
        s.put("symbolSize", 5);
        s.putObject("lineStyle").put("width", 2);
        if (shape != Shape.LINE) {
            s.put("step", "end");
        }
        if (shape == Shape.STEP_AREA) {
            s.putObject("areaStyle").put("opacity", 0.12);
        }
        return this;
    }

    /** Points without a line, e.g. the gate's verdicts. {@code symbol}: circle, rect, triangle, diamond, pin... */
    public TimelineChart points(String name, String color, String symbol, int axis, List<Point> points) {
        ObjectNode s = series(name, "scatter", color, axis, points);
        s.put("symbol", symbol);
        s.put("symbolSize", 12);
        s.put("z", 3); // above the lines, whose points may fall on the same spot
        s.putObject("itemStyle").put("borderColor", "#ffffff").put("borderWidth", 1);
        return this;
    }

    /** Starts the x axis at the first point rather than at the origin, for a stretch of a longer story. */
    public TimelineChart fromFirstPoint() {
        this.fromFirstPoint = true;
        return this;
    }

    /** A dashed vertical line at {@code at}, labelled at its top. */
    public TimelineChart marker(Instant at, String label, String color) {
        markers.add(new Marker(Objects.requireNonNull(at, "at"), label, color));
        return this;
    }

    /** A shaded stretch of time, labelled inside at its top. */
    public TimelineChart band(Instant from, Instant to, String label, String color) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("band " + label + " ends (" + to + ") before it starts (" + from + ")");
        }
        bands.add(new Band(from, to, label, color));
        return this;
    }

    private ObjectNode series(String name, String type, String color, int axis, List<Point> points) {
        Objects.requireNonNull(name, "name");
        ObjectNode s = Options.NODES.objectNode();
        s.put("name", name);
        s.put("type", type);
        s.put("color", color);
        s.put("yAxisIndex", axis);
        ArrayNode data = s.putArray("data");
        for (Point p : points) {
            ArrayNode xy = Options.NODES.arrayNode();
            xy.add(Options.minutes(origin, p.time()));
            Options.addValue(xy, p.value());
            if (p.name() == null) {
                data.add(xy);
            } else {
                ObjectNode item = data.addObject();
                item.put("name", p.name());
                item.set("value", xy);
            }
        }
        series.add(s);
        legend.add(name);
        return s;
    }

    public Chart build(int height) {
        List<Axis> yAxes = axes.isEmpty() ? List.of(new Axis("", null, null)) : axes;
        for (ObjectNode s : series) {
            if (s.get("yAxisIndex").asInt() >= yAxes.size()) {
                throw new IllegalStateException("series " + s.get("name").asText() + " is on value axis "
                        + s.get("yAxisIndex").asInt() + ", but the chart has " + yAxes.size());
            }
        }
        ObjectNode o = Options.base(title, legend);
        Options.grid(o, yAxes.size() > 1 ? 64 : 24);
        o.putObject("tooltip").put("trigger", "axis").put("confine", true);
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "value");
        x.put("name", "minutes since start");
        x.put("nameLocation", "middle");
        x.put("nameGap", 26);
        x.putObject("nameTextStyle").put("color", Options.MUTED);
        // from the start, or from the first point; the end is left to ECharts, which adds a little room and rounds
        // it up to a tick, so a marker at the last point stays clear of the chart's edge
        if (fromFirstPoint) {
            x.put("min", "dataMin");
        } else {
            x.put("min", 0);
        }
        x.putArray("boundaryGap").add(0).add("3%");
        x.putObject("axisLabel").put("color", Options.MUTED);
        x.putObject("splitLine").put("show", false);
        ArrayNode y = o.putArray("yAxis");
        for (int i = 0; i < yAxes.size(); i++) {
            Axis a = yAxes.get(i);
            ObjectNode axis = Options.valueAxis(a.name(), a.min(), a.max());
            if (i == 1) {
                axis.putObject("splitLine").put("show", false);
                ((ObjectNode) axis.get("nameTextStyle")).put("align", "right");
            }
            y.add(axis);
        }
        ArrayNode all = o.putArray("series");
        series.forEach(s -> all.add(s.deepCopy()));
        if (!markers.isEmpty() || !bands.isEmpty()) {
            all.add(marks());
        }
        return new Chart(title, height, o);
    }

    /** Markers and bands ride on an empty series of their own, left out of the legend. */
    private ObjectNode marks() {
        ObjectNode s = Options.NODES.objectNode();
        s.put("name", "marks");
        s.put("type", "line");
        s.putArray("data");
        s.put("silent", true);
        if (!markers.isEmpty()) {
            ObjectNode ml = s.putObject("markLine");
            ml.put("silent", true);
            ml.putArray("symbol").add("none").add("none");
            ObjectNode label = ml.putObject("label");
            label.put("position", "insideEndTop");
            label.put("formatter", "{b}");
            label.put("fontSize", 11);
            ArrayNode data = ml.putArray("data");
            for (Marker m : markers) {
                ObjectNode d = data.addObject();
                d.put("xAxis", Options.minutes(origin, m.at()));
                d.put("name", m.label());
                d.putObject("lineStyle").put("color", m.color()).put("type", "dashed").put("width", 1.5);
                d.putObject("label").put("color", m.color());
            }
        }
        if (!bands.isEmpty()) {
            ObjectNode ma = s.putObject("markArea");
            ma.put("silent", true);
            ObjectNode label = ma.putObject("label");
            label.put("position", "insideTop");
            label.put("formatter", "{b}");
            label.put("fontSize", 11);
            label.put("color", Options.MUTED);
            ArrayNode data = ma.putArray("data");
            for (Band b : bands) {
                ArrayNode pair = data.addArray();
                ObjectNode start = pair.addObject();
                start.put("xAxis", Options.minutes(origin, b.from()));
                start.put("name", b.label());
                start.putObject("itemStyle").put("color", b.color()).put("opacity", 0.10);
                pair.addObject().put("xAxis", Options.minutes(origin, b.to()));
            }
        }
        return s;
    }
}
