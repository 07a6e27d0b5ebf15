package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.chaos.ExperimentPhase;
import io.devopssim.chaos.ExperimentState;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.views.chart.Chart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The run page's probe charts, checked on the ECharts option they produce. */
class ProbeChartsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldDrawEveryProbeWithItsBrokenChecksTheFaultsAndTheRecovery() {
        List<Chart> charts = ChaosRunViewModel.of("checkout-latency", ChaosRunViewModelTest.finished()).getCharts();

        assertThat(charts).extracting(Chart::title).containsExactly("Probe errors: broken at 1 of 4 checks",
                "Probe health: broken at 1 of 4 checks");
        JsonNode errors = charts.get(0).option();
        JsonNode line = errors.get("series").get(0);
        assertThat(line.get("name").asText()).isEqualTo("errors");
        assertThat(line.get("data")).hasSize(4);
        assertThat(line.at("/data/1/value").toString()).as("20 s after the first check").isEqualTo("[0.333,0.2]");
        assertThat(line.at("/data/1/name").asText()).isEqualTo("during, broken");
        JsonNode broken = errors.get("series").get(1);
        assertThat(broken.get("name").asText()).isEqualTo("steady state broken");
        assertThat(broken.get("type").asText()).isEqualTo("scatter");
        assertThat(broken.get("data")).hasSize(1);
        JsonNode marks = errors.get("series").get(2);
        assertThat(marks.at("/markArea/data/0/0/xAxis").asDouble()).as("faults from 10 s").isEqualTo(0.167);
        assertThat(marks.at("/markArea/data/0/1/xAxis").asDouble()).as("to the halt at 60 s").isEqualTo(1.0);
        assertThat(marks.at("/markLine/data/0/name").asText()).isEqualTo("recovered");
        assertThat(marks.at("/markLine/data/0/xAxis").asDouble()).isEqualTo(1.333);

        JsonNode health = charts.get(1).option().get("series");
        assertThat(health.at("/0/data/1/value").toString()).as("no data is a gap in the line").isEqualTo("[0.333,null]");
        assertThat(health.at("/1/data/0/value").toString()).as("and a broken mark on the axis").isEqualTo("[0.333,0.0]");
        assertThat(health.at("/1/data/0/name").asText()).isEqualTo("no data");
    }

    @Test
    void shouldShadeARunningExperimentsFaultsUpToItsLastCheckAndDrawNothingBeforeTheFirst() {
        ExperimentState running = new ExperimentState("exp-2", "kubernetes", "d", ExperimentPhase.RUNNING, true, null,
                T0.plusSeconds(5), null, null, 0, null, Map.of("errors", List.of(
                new ProbePoint(T0, ProbePoint.Stage.BEFORE, 0.01, true),
                new ProbePoint(T0.plusSeconds(30), ProbePoint.Stage.DURING, 0.02, true))), List.of());
        ExperimentState starting = new ExperimentState("exp-3", "kubernetes", "d", ExperimentPhase.CHECKING_BEFORE, false, null,
                null, null, null, 0, null, Map.of("errors", List.of()), List.of());

        Chart chart = ChaosRunViewModel.of("x", running).getCharts().get(0);

        assertThat(chart.title()).isEqualTo("Probe errors: held at all 2 checks");
        JsonNode series = chart.option().get("series");
        assertThat(series).as("the line and the marks, no broken points").hasSize(2);
        assertThat(series.at("/1/markArea/data/0/1/xAxis").asDouble()).isEqualTo(0.5);
        assertThat(series.at("/1/markLine").isMissingNode()).as("not recovered yet").isTrue();
        assertThat(chart.optionJson()).contains("\"faults\"");
        assertThat(ChaosRunViewModel.of("x", starting).getCharts()).isEmpty();
    }
}
