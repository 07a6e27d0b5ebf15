package io.devopssim.views.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The parts every devsim chart shares: look, title, legend, tooltip, and numbers kept short. */
final class Options {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String TEXT = "#1f2328";
    static final String MUTED = "#57606a";
    static final String GRID = "#eaeef2";
    private static final MathContext SIGNIFICANT = new MathContext(4);

    private Options() {
    }

    /** Title top left, legend top right, no animation (a page or a screenshot shows the final chart at once). */
    static ObjectNode base(String title, List<String> legend) {
        ObjectNode o = NODES.objectNode();
        o.put("animation", false);
        o.putObject("aria").put("enabled", true);
        o.putObject("textStyle").put("fontFamily", "system-ui, -apple-system, Segoe UI, Roboto, sans-serif");
        ObjectNode t = o.putObject("title");
        t.put("text", title);
        t.put("left", 0);
        t.put("top", 0);
        t.putObject("textStyle").put("fontSize", 14).put("fontWeight", 600).put("color", TEXT);
        ObjectNode l = o.putObject("legend");
        l.put("top", 0);
        l.put("right", 0);
        l.put("itemWidth", 14);
        l.put("itemHeight", 10);
        ArrayNode names = l.putArray("data");
        legend.forEach(names::add);
        return o;
    }

    static ObjectNode grid(ObjectNode option, int right) {
        ObjectNode g = option.putObject("grid");
        g.put("left", 64);
        g.put("right", right);
        g.put("top", 48);
        g.put("bottom", 44);
        return g;
    }

    static ObjectNode valueAxis(String name, Double min, Double max) {
        ObjectNode a = NODES.objectNode();
        a.put("type", "value");
        a.put("name", name);
        a.putObject("nameTextStyle").put("color", MUTED).put("align", "left");
        if (min != null) {
            a.put("min", min);
        }
        if (max != null) {
            a.put("max", max);
        }
        a.putObject("axisLabel").put("color", MUTED);
        a.putObject("splitLine").putObject("lineStyle").put("color", GRID);
        return a;
    }

    /** Minutes from {@code origin} to {@code t}, to the millisecond. */
    static double minutes(Instant origin, Instant t) {
        return round3(Duration.between(origin, t).toMillis() / 60_000.0);
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Four significant digits: what a reader can see on a chart, and a short page. NaN and infinities are gaps. */
    static void addValue(ArrayNode array, double v) {
        if (!Double.isFinite(v)) {
            array.addNull();
        } else {
            array.add(short4(v));
        }
    }

    static double short4(double v) {
        return v == 0 ? 0 : new BigDecimal(v).round(SIGNIFICANT).doubleValue();
    }
}
