package io.devopssim.views.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grouped vertical bars over named categories (e.g. metrics), as an ECharts option: one series per group (e.g.
 * each analysis of a rollout), a bar may have its own colour and a label, and an optional dashed reference line.
 */
public final class BarChart {
    /**
     * One bar.
     *
     * @param value its height (NaN: no bar)
     * @param color its own colour, or null for the series' colour
     * @param label text shown on top of it, or null
     * @param name  what the bar is, shown by the tooltip, or null
     */
    public record Bar(double value, String color, String label, String name) {
        public static Bar of(double value) {
            return new Bar(value, null, null, null);
        }
    }

    private final String title;
    private final List<String> categories;
    private final List<ObjectNode> series = new ArrayList<>();
    private final List<String> legend = new ArrayList<>();
    private String axisName = "";
    private boolean signed;
    private Double reference;
    private String referenceLabel;

    private BarChart(String title, List<String> categories) {
        this.title = Objects.requireNonNull(title, "title");
        this.categories = List.copyOf(categories);
    }

    public static BarChart of(String title, List<String> categories) {
        return new BarChart(title, categories);
    }

    public BarChart axis(String name) {
        this.axisName = name;
        return this;
    }

    /** One bar per category, in the categories' order. */
    public BarChart series(String name, String color, List<Bar> bars) {
        if (bars.size() != categories.size()) {
            throw new IllegalArgumentException("series " + name + " has " + bars.size() + " bars for "
                    + categories.size() + " categories");
        }
        ObjectNode s = Options.NODES.objectNode();
        s.put("name", name);
        s.put("type", "bar");
        s.put("color", color);
        s.put("barMaxWidth", 36);
        ArrayNode data = s.putArray("data");
        for (Bar b : bars) {
            ObjectNode item = data.addObject();
            ArrayNode v = Options.NODES.arrayNode();
            Options.addValue(v, b.value());
            item.set("value", v.get(0));
            if (b.name() != null) {
                item.put("name", b.name());
            }
            if (b.color() != null) {
                item.putObject("itemStyle").put("color", b.color());
            }
            if (b.label() != null) {
                ObjectNode label = item.putObject("label");
                label.put("show", true);
                label.put("position", "top");
                label.put("formatter", b.label().replace("{", "(").replace("}", ")"));
                label.put("fontSize", 11);
                label.put("color", b.color() != null ? b.color() : Options.MUTED);
            }
        }
        series.add(s);
        legend.add(name);
        return this;
    }

    /** Values may be negative (e.g. contributions): the value axis is not held at zero. */
    public BarChart signed() {
        this.signed = true;
        return this;
    }

    /** A dashed horizontal line across the chart at {@code value}, e.g. 1 for "as much as the baseline". */
    public BarChart reference(double value, String label) {
        this.reference = value;
        this.referenceLabel = label;
        return this;
    }

    public Chart build(int height) {
        ObjectNode o = Options.base(title, legend);
        Options.grid(o, 24);
        o.putObject("tooltip").put("trigger", "axis").put("confine", true).putObject("axisPointer").put("type", "shadow");
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "category");
        ArrayNode names = x.putArray("data");
        categories.forEach(names::add);
        x.putObject("axisLabel").put("color", Options.TEXT).put("interval", 0);
        o.set("yAxis", Options.valueAxis(axisName, signed ? null : 0.0, null));
        ArrayNode all = o.putArray("series");
        for (int i = 0; i < series.size(); i++) {
            ObjectNode s = series.get(i).deepCopy();
            if (i == 0 && reference != null) {
                ObjectNode ml = s.putObject("markLine");
                ml.put("silent", true);
                ml.putArray("symbol").add("none").add("none");
                ml.putObject("lineStyle").put("color", Options.MUTED).put("type", "dashed");
                ml.putObject("label").put("formatter", "{b}").put("position", "insideEndTop").put("color", Options.MUTED);
                ml.putArray("data").addObject().put("yAxis", reference).put("name", referenceLabel);
            }
            all.add(s);
        }
        return new Chart(title, height, o);
    }
}
