package io.devopssim.views.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.views.chart.TimelineChart.Point;
import io.devopssim.views.chart.TimelineChart.Shape;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineChartTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void theXAxisCountsMinutesSinceTheOriginAndGapsStayGaps() {
        Chart chart = TimelineChart.since(T0, "weight")
                .axis("traffic %", 0.0, 100.0)
                .line("weight", "#8250df", Shape.STEP_AREA, 0, List.of(
                        Point.of(T0, 10), Point.of(T0.plusSeconds(90), Double.NaN), new Point(T0.plusSeconds(150), 50.123456, "step 3")))
                .build(300);

        JsonNode o = chart.option();
        JsonNode s = o.get("series").get(0);
        assertThat(s.get("type").asText()).isEqualTo("line");
        assertThat(s.get("step").asText()).isEqualTo("end");
        assertThat(s.has("areaStyle")).isTrue();
        assertThat(s.get("data").get(0).toString()).isEqualTo("[0.0,10.0]");
        assertThat(s.get("data").get(1).toString()).isEqualTo("[1.5,null]");
        assertThat(s.get("data").get(2).toString()).isEqualTo("{\"name\":\"step 3\",\"value\":[2.5,50.12]}");
        assertThat(o.get("xAxis").get("name").asText()).isEqualTo("minutes since start");
        assertThat(o.at("/xAxis/min").asInt()).isZero();
        assertThat(o.at("/xAxis/boundaryGap/1").asText()).as("room after the last point, for its marker").isEqualTo("3%");
        assertThat(o.get("yAxis").get(0).get("max").asDouble()).isEqualTo(100);
        assertThat(o.get("animation").asBoolean()).as("a screenshot shows the final chart").isFalse();
        assertThat(o.get("legend").get("data").toString()).isEqualTo("[\"weight\"]");
    }

    @Test
    void markersAndBandsRideOnASeriesOfTheirOwnOutsideTheLegend() {
        Chart chart = TimelineChart.since(T0, "t")
                .line("a", "#000000", Shape.LINE, 0, List.of(Point.of(T0, 1)))
                .points("PASSED", "#1a7f37", "circle", 0, List.of(Point.of(T0.plusSeconds(120), 100)))
                .marker(T0.plusSeconds(540), "promote 3d1eac28", "#1a7f37")
                .band(T0, T0.plusSeconds(120), "analysis", "#1a7f37")
                .build(200);

        JsonNode series = chart.option().get("series");
        assertThat(series).hasSize(3);
        assertThat(series.get(1).get("type").asText()).isEqualTo("scatter");
        assertThat(series.get(1).get("z").asInt()).as("points above lines").isGreaterThan(2);
        JsonNode marks = series.get(2);
        assertThat(marks.get("data")).isEmpty();
        assertThat(marks.at("/markLine/data/0/xAxis").asDouble()).isEqualTo(9.0);
        assertThat(marks.at("/markLine/data/0/name").asText()).isEqualTo("promote 3d1eac28");
        assertThat(marks.at("/markLine/label/formatter").asText())
                .as("the label is the mark's name, never a template made of user text").isEqualTo("{b}");
        assertThat(marks.at("/markArea/data/0/0/xAxis").asDouble()).isZero();
        assertThat(marks.at("/markArea/data/0/1/xAxis").asDouble()).isEqualTo(2.0);
        assertThat(chart.option().get("legend").get("data").toString()).isEqualTo("[\"a\",\"PASSED\"]");
    }

    @Test
    void aSecondAxisGoesOnTheRightAndASeriesMustBeOnAnAxisThatExists() {
        JsonNode two = TimelineChart.since(T0, "t").axis("left", null, null).axis("right", 0.0, 1.0)
                .line("r", "#000000", Shape.LINE, 1, List.of(Point.of(T0, 0.5))).build(200).option();
        assertThat(two.get("yAxis")).hasSize(2);
        assertThat(two.at("/grid/right").asInt()).isGreaterThan(two.at("/grid/left").asInt() / 2);

        TimelineChart oneAxis = TimelineChart.since(T0, "t").line("r", "#000000", Shape.LINE, 1, List.of(Point.of(T0, 1)));
        assertThatThrownBy(() -> oneAxis.build(200)).hasMessageContaining("series r is on value axis 1, but the chart has 1");
        assertThatThrownBy(() -> TimelineChart.since(T0, "t").axis("a", null, null).axis("b", null, null).axis("c", null, null))
                .hasMessageContaining("at most two");
    }

    @Test
    void aBandThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> TimelineChart.since(T0, "t").band(T0.plusSeconds(60), T0, "pause", "#57606a"))
                .hasMessageContaining("band pause ends");
    }
}
