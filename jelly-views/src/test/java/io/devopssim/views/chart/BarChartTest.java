package io.devopssim.views.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.views.chart.BarChart.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarChartTest {

    @Test
    void eachBarMayHaveItsOwnColourAndLabelAndTheFirstSeriesCarriesTheReferenceLine() {
        Chart chart = BarChart.of("gate", List.of("error_rate", "latency_p99_ms"))
                .axis("canary ÷ baseline")
                .reference(1, "baseline")
                .series("step 2", "#54aeff", List.of(new Bar(9.406, "#cf222e", "HIGH", "error_rate HIGH"), Bar.of(0.9578)))
                .series("step 4", "#0969da", List.of(Bar.of(1.01), Bar.of(Double.NaN)))
                .build(280);

        JsonNode o = chart.option();
        assertThat(o.at("/xAxis/data").toString()).isEqualTo("[\"error_rate\",\"latency_p99_ms\"]");
        JsonNode first = o.get("series").get(0);
        assertThat(first.at("/data/0/value").asDouble()).isEqualTo(9.406);
        assertThat(first.at("/data/0/itemStyle/color").asText()).isEqualTo("#cf222e");
        assertThat(first.at("/data/0/label/formatter").asText()).isEqualTo("HIGH");
        assertThat(first.at("/data/1/itemStyle").isMissingNode()).isTrue();
        assertThat(first.at("/markLine/data/0/yAxis").asDouble()).isEqualTo(1.0);
        assertThat(o.get("series").get(1).has("markLine")).isFalse();
        assertThat(o.get("series").get(1).at("/data/1/value").isNull()).as("NaN is no bar").isTrue();
    }

    @Test
    void aSignedChartLetsBarsGoBelowZero() {
        Chart held = BarChart.of("t", List.of("m")).series("s", "#000000", List.of(Bar.of(-1))).build(100);
        Chart signed = BarChart.of("t", List.of("m")).signed().series("s", "#000000", List.of(Bar.of(-1))).build(100);

        assertThat(held.option().at("/yAxis/min").asDouble()).isZero();
        assertThat(signed.option().at("/yAxis").has("min")).isFalse();
    }

    @Test
    void aLabelCannotBecomeAnEChartsTemplate() {
        Chart chart = BarChart.of("t", List.of("m")).series("s", "#000000", List.of(new Bar(1, null, "{a}{b}", null))).build(100);

        assertThat(chart.option().at("/series/0/data/0/label/formatter").asText()).isEqualTo("(a)(b)");
    }

    @Test
    void aSeriesNeedsOneBarPerCategory() {
        assertThatThrownBy(() -> BarChart.of("t", List.of("a", "b")).series("s", "#000000", List.of(Bar.of(1))))
                .hasMessageContaining("series s has 1 bars for 2 categories");
    }
}
