package io.devopssim.views.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbePoint.Stage;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.views.chart.Chart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutChartsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Judgement judgement(Verdict v, double score, MetricStatus errorStatus, double errorCanary) {
        return new Judgement(v, score, List.of(
                new MetricResult("error_rate", errorCanary, 0.005, "<= 2x baseline", 12, errorStatus),
                new MetricResult("latency_p99_ms", 120, 125, "<= 1.5x baseline", 12, MetricStatus.PASS)),
                List.of("error_rate: canary " + errorCanary));
    }

    private static ChaosResult chaos() {
        ProbeSeries errors = new ProbeSeries("canary-errors", List.of(
                new ProbePoint(at(4), Stage.BEFORE, 0.004, true),
                new ProbePoint(at(5), Stage.DURING, 0.03, false),
                new ProbePoint(at(6), Stage.DURING, Double.NaN, false),
                new ProbePoint(at(7), Stage.AFTER, 0.004, true)));
        ProbeSeries p99 = new ProbeSeries("canary-p99", List.of(new ProbePoint(at(4), Stage.BEFORE, 120, true)));
        ProbeSeries cpu = new ProbeSeries("canary-cpu", List.of(new ProbePoint(at(4), Stage.BEFORE, 0.3, true)));
        return new ChaosResult("checkout-1.6.0-chaos-3", ChaosResult.Outcome.COMPLETED, false, Duration.ofMinutes(1), 0.5,
                List.of(errors, p99, cpu));
    }

    /** Canary at 10%, analysis passes, chaos breaks the steady state, analysis at 25% fails, rollback by commit. */
    private static List<RolloutEvent> rolledBack() {
        return List.of(
                new RolloutEvent(T0, -1, Kind.STARTED, "rolling out", 0, null, null),
                new RolloutEvent(T0, 0, Kind.WEIGHT, "setWeight 10", 10, null, null),
                new RolloutEvent(T0, 1, Kind.ANALYSIS_STARTED, "watching", 10, null, null),
                new RolloutEvent(at(2), 1, Kind.ANALYSIS, "passed", 10, judgement(Verdict.PASSED, 100, MetricStatus.PASS, 0.006), null),
                new RolloutEvent(at(2), 2, Kind.WEIGHT, "setWeight 25", 25, null, null),
                new RolloutEvent(at(4), 3, Kind.CHAOS_STARTED, "chaos", 25, null, null),
                new RolloutEvent(at(7), 3, Kind.CHAOS, "chaos broke", 25, null, null, chaos()),
                new RolloutEvent(at(7), 4, Kind.PAUSE_STARTED, "pause", 25, null, null),
                new RolloutEvent(at(8), 4, Kind.PAUSE_ENDED, "pause over", 25, null, null),
                new RolloutEvent(at(8), 5, Kind.ANALYSIS_STARTED, "watching", 25, null, null),
                new RolloutEvent(at(10), 5, Kind.ANALYSIS, "failed", 25, judgement(Verdict.FAILED, 12.5, MetricStatus.HIGH, 0.05), null),
                new RolloutEvent(at(10), -1, Kind.WEIGHT, "rollback", 0, null, null),
                new RolloutEvent(at(10), -1, Kind.ROLLED_BACK, "rolled back", 0, null, "a15ace97087d3004f0304ba337b12c0187adc003"));
    }

    @Test
    void theTimelineShowsTrafficVerdictsAtTheirScoreTheCommitAndTheBands() {
        JsonNode o = new RolloutCharts(rolledBack(), List.of()).timeline().option();

        JsonNode series = o.get("series");
        JsonNode traffic = series.get(0);
        assertThat(traffic.get("name").asText()).isEqualTo("traffic to the release");
        List<String> trafficPoints = new ArrayList<>();
        traffic.get("data").forEach(p -> trafficPoints.add(p.get("value").toString()));
        assertThat(trafficPoints).containsSubsequence("[0.0,10.0]", "[2.0,25.0]", "[10.0,0.0]");
        JsonNode passed = series.get(1);
        JsonNode failed = series.get(2);
        assertThat(passed.get("name").asText()).isEqualTo("PASSED");
        assertThat(passed.get("color").asText()).isEqualTo(Colors.GREEN);
        assertThat(passed.get("yAxisIndex").asInt()).isEqualTo(1);
        assertThat(failed.get("name").asText()).isEqualTo("FAILED");
        assertThat(failed.get("color").asText()).isEqualTo(Colors.RED);
        assertThat(failed.at("/data/0/value").toString()).isEqualTo("[10.0,12.5]");
        assertThat(failed.at("/data/0/name").asText()).isEqualTo("step 6: FAILED, score 12.5");
        JsonNode marks = series.get(3);
        assertThat(marks.at("/markLine/data/0/name").asText()).isEqualTo("rollback a15ace97");
        assertThat(marks.at("/markLine/data/0/lineStyle/color").asText()).isEqualTo(Colors.RED);
        List<String> bands = new ArrayList<>();
        marks.at("/markArea/data").forEach(b -> bands.add(b.get(0).get("name").asText() + " " + b.get(0).get("xAxis").asDouble()
                + ".." + b.get(1).get("xAxis").asDouble()));
        assertThat(bands).containsExactly("analysis 0.0..2.0", "chaos 4.0..7.0", "pause 7.0..8.0", "analysis 8.0..10.0");
        assertThat(marks.at("/markArea/data/3/0/itemStyle/color").asText()).isEqualTo(Colors.RED);
    }

    @Test
    void aPromotedReleaseTakesAllTheTrafficOnTheTimeline() {
        List<RolloutEvent> promoted = List.of(
                new RolloutEvent(T0, 0, Kind.WEIGHT, "setWeight 50", 50, null, null),
                new RolloutEvent(at(3), -1, Kind.PROMOTED, "promoted", 0, null, "3d1eac282687ac85"));

        JsonNode o = new RolloutCharts(promoted, List.of()).timeline().option();

        assertThat(o.at("/series/0/data/1/value").toString()).isEqualTo("[3.0,100.0]");
        assertThat(o.at("/series/1/markLine/data/0/name").asText()).isEqualTo("promote 3d1eac28");
        assertThat(o.at("/series/1/markLine/data/0/lineStyle/color").asText()).isEqualTo(Colors.GREEN);
    }

    @Test
    void eachMetricGetsCanaryAgainstBaselineWithTheAnalysisWindowsShaded() {
        CanaryBaseline errors = new CanaryBaseline("error_rate",
                List.of(new Sample(T0, 0.005), new Sample(at(1), 0.004)),
                List.of(new Sample(T0, 0.006), new Sample(at(1), 0.05)));

        List<Chart> charts = new RolloutCharts(rolledBack(), List.of(errors)).metrics();

        assertThat(charts).hasSize(1);
        JsonNode o = charts.get(0).option();
        assertThat(charts.get(0).title()).isEqualTo("error_rate: canary vs baseline");
        assertThat(o.at("/series/0/name").asText()).isEqualTo("baseline");
        assertThat(o.at("/series/1/name").asText()).isEqualTo("canary");
        assertThat(o.at("/series/1/data/1").toString()).isEqualTo("[1.0,0.05]");
        assertThat(o.at("/series/2/markArea/data")).as("the two analysis windows only").hasSize(2);
    }

    @Test
    void theGateChartShowsEachMetricAsAMultipleOfBaselineRedWhereItFailed() {
        JsonNode o = new RolloutCharts(rolledBack(), List.of()).gate().orElseThrow().option();

        assertThat(o.at("/xAxis/data").toString()).isEqualTo("[\"error_rate\",\"latency_p99_ms\"]");
        assertThat(o.at("/series/0/name").asText()).isEqualTo("step 2 at 10%");
        assertThat(o.at("/series/1/name").asText()).isEqualTo("step 6 at 25%");
        JsonNode failedError = o.at("/series/1/data/0");
        assertThat(failedError.get("value").asDouble()).isEqualTo(10.0);
        assertThat(failedError.at("/itemStyle/color").asText()).isEqualTo(Colors.RED);
        assertThat(failedError.at("/label/formatter").asText()).isEqualTo("HIGH");
        assertThat(failedError.get("name").asText()).contains("canary 0.05000").contains("baseline 0.005000").contains("HIGH");
        assertThat(o.at("/series/0/data/0/value").asDouble()).isEqualTo(1.2);
        assertThat(o.at("/series/0/data/0/itemStyle").isMissingNode()).as("a passing metric keeps its series' colour").isTrue();
    }

    @Test
    void theDecidingJudgementIsTheLastAnalysis() {
        RolloutCharts charts = new RolloutCharts(rolledBack(), List.of());

        assertThat(charts.decidingJudgement()).map(Judgement::verdict).contains(Verdict.FAILED);
        assertThat(new RolloutCharts(List.of(rolledBack().get(0)), List.of()).decidingJudgement()).isEmpty();
        assertThat(new RolloutCharts(List.of(rolledBack().get(0)), List.of()).gate()).isEmpty();
    }

    @Test
    void chaosProbesArePairedOnTwoAxesWithTheBrokenChecksAndTheFaultsMarked() {
        List<Chart> charts = new RolloutCharts(rolledBack(), List.of()).chaos();

        assertThat(charts).as("three probes: two charts").hasSize(2);
        assertThat(charts.get(0).title()).isEqualTo("Chaos checkout-1.6.0-chaos-3: completed, hypothesis did not hold");
        JsonNode o = charts.get(0).option();
        assertThat(o.get("yAxis")).hasSize(2);
        assertThat(o.at("/series/0/name").asText()).isEqualTo("canary-errors");
        assertThat(o.at("/series/1/name").asText()).isEqualTo("canary-p99");
        assertThat(o.at("/series/1/yAxisIndex").asInt()).isEqualTo(1);
        JsonNode broken = o.at("/series/2");
        assertThat(broken.get("name").asText()).isEqualTo("steady state broken");
        assertThat(broken.get("data")).hasSize(2);
        assertThat(broken.at("/data/1/value").toString()).as("a probe that measured nothing broke at the axis").isEqualTo("[6.0,0.0]");
        assertThat(o.at("/series/3/markArea/data/0/0/xAxis").asDouble()).isEqualTo(5.0);
        assertThat(o.at("/series/3/markArea/data/0/1/xAxis").asDouble()).isEqualTo(6.0);
        assertThat(charts.get(1).option().get("yAxis")).hasSize(1);
        assertThat(new RolloutCharts(rolledBack().subList(0, 4), List.of()).chaos()).isEmpty();
    }

    @Test
    void aRolloutWithoutEventsHasNothingToChart() {
        assertThatThrownBy(() -> new RolloutCharts(List.of(), List.of())).hasMessageContaining("nothing to chart");
    }
}
