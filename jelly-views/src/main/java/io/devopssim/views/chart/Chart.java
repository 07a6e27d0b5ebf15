package io.devopssim.views.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One chart as a page gets it: what it shows (its accessible name), its height, and the Apache ECharts option
 * object that the chart adjunct ({@code io/devopssim/views/charts.js}) draws. Jenkins views pass
 * {@link #optionJson()} to the {@code chart} tag of the devsim tag library; devsim's HTML report writes
 * {@link #html()}, the same element the tag writes.
 *
 * @param title  what the chart shows, in words
 * @param height in pixels
 * @param option the ECharts option object (a defensive copy is kept)
 */
public record Chart(String title, int height, ObjectNode option) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(option, "option");
        if (height < 50 || height > 2000) {
            throw new IllegalArgumentException("height must be in 50..2000 px, was " + height);
        }
        option = option.deepCopy();
    }

    @Override
    public ObjectNode option() {
        return option.deepCopy();
    }

    /** The option object as compact JSON, for the tag's {@code options} attribute. */
    public String optionJson() {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }

    /** The chart's element, as the {@code chart} tag writes it: drawn by the chart adjunct once the page has loaded. */
    public String html() {
        return "<div class=\"devsim-chart\" role=\"img\" aria-label=\"" + Markup.escape(title) + "\" data-devsim-height=\""
                + height + "\" data-devsim-chart=\"" + Markup.escape(optionJson()) + "\"></div>";
    }
}
