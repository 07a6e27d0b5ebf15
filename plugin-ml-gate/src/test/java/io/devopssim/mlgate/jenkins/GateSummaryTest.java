package io.devopssim.mlgate.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.devopssim.views.chart.Chart;
import io.devopssim.views.rollout.Colors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The view model of the badge and the build page summary: the views only render these getters. */
class GateSummaryTest {
    private static final Judgement FAILED = new Judgement(Verdict.FAILED, 12.345,
            List.of(new MetricResult("error_rate", 0.1234567, 0.005, "XGBoost gate", 21, MetricStatus.HIGH)),
            List.of("probability the release is bad 0.8766 >= threshold 0.5000",
                    "error_rate.mean_ratio = 24.69 (SHAP +2.301 toward bad)",
                    "traffic.canary_rps = 20.00 (SHAP -0.1200 toward healthy)"));

    private static GateSummary summary(Judgement j) {
        return GateSummary.of(j, "xgboost (model gate/models v0003, threshold 0.5000)", "5m",
                "{app=\"shop\",track=\"canary\"}", "{app=\"shop\",track=\"stable\"}");
    }

    @Test
    void shouldCarryVerdictScoreReasonsAndNumbers() {
        GateSummary s = summary(FAILED);

        assertThat(s.getBadgeText()).isEqualTo("FAILED 12.3");
        assertThat(s.getTitle()).isEqualTo("Deployment gate: FAILED (score 12.3)");
        assertThat(s.getTooltip()).isEqualTo("Deployment gate (xgboost (model gate/models v0003, threshold 0.5000)): FAILED,"
                + " score 12.3. probability the release is bad 0.8766 >= threshold 0.5000");
        assertThat(s.getWindowText()).isEqualTo("{app=\"shop\",track=\"canary\"} against {app=\"shop\",track=\"stable\"} over the last 5m");
        assertThat(s.getTopFeatures()).containsExactly("error_rate.mean_ratio = 24.69 (SHAP +2.301 toward bad)",
                "traffic.canary_rps = 20.00 (SHAP -0.1200 toward healthy)");
        assertThat(s.getReasons()).hasSize(3);
        GateSummary.MetricRow row = s.getMetrics().get(0);
        assertThat(List.of(row.getMetric(), row.getCanary(), row.getBaseline(), row.getCriterion(), row.getStatus()))
                .containsExactly("error_rate", "0.1235", "0.005000", "XGBoost gate", "HIGH");
        assertThat(row.getSamples()).isEqualTo(21);
    }

    @Test
    void shouldDrawCanaryAgainstBaselinePerMetricAndTheShapContributions() {
        Judgement j = new Judgement(Verdict.FAILED, 12.3, List.of(
                new MetricResult("error_rate", 0.05, 0.005, "XGBoost gate", 21, MetricStatus.HIGH),
                new MetricResult("latency_p99_ms", 120, 125, "XGBoost gate", 21, MetricStatus.PASS),
                new MetricResult("cpu_cores", Double.NaN, Double.NaN, "XGBoost gate", 0, MetricStatus.NO_DATA)),
                List.of("probability the release is bad 0.8766 >= threshold 0.5000",
                        "error_rate.mean_ratio = 10.00 (SHAP +2.301 toward bad)",
                        "traffic.canary_rps = 20.00 (SHAP -0.1200 toward healthy)",
                        "chaos r-chaos-4 (COMPLETED): hypothesis broken, error budget burned 0.4000, recovered in 20s,"
                                + " worst probe x4.500; chaos features SHAP +1.250 toward bad"));

        List<Chart> charts = summary(j).getCharts();

        assertThat(charts).extracting(Chart::title).containsExactly(GateCharts.METRICS_TITLE, GateCharts.SHAP_TITLE);
        JsonNode metrics = charts.get(0).option();
        assertThat(metrics.at("/xAxis/data").toString()).isEqualTo("[\"error_rate\",\"latency_p99_ms\",\"cpu_cores\"]");
        JsonNode bars = metrics.at("/series/0/data");
        assertThat(bars.get(0).get("value").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(bars.get(0).at("/itemStyle/color").asText()).isEqualTo(Colors.RED);
        assertThat(bars.get(0).at("/label/formatter").asText()).isEqualTo("x10.00");
        assertThat(bars.get(0).get("name").asText()).isEqualTo("error_rate: canary 0.05000, baseline 0.005000 (XGBoost gate, 21 points) HIGH");
        assertThat(bars.get(1).get("value").asDouble()).isCloseTo(0.96, within(1e-9));
        assertThat(bars.get(1).at("/itemStyle/color").asText()).isEqualTo(Colors.GREEN);
        assertThat(bars.get(2).get("value").isNull()).as("no data is no bar").isTrue();
        assertThat(bars.get(2).at("/label/formatter").asText()).isEqualTo("no ratio");
        assertThat(metrics.at("/series/0/markLine/data/0/yAxis").asDouble()).isEqualTo(1.0);

        JsonNode shap = charts.get(1).option();
        assertThat(shap.at("/xAxis/data").toString())
                .isEqualTo("[\"error_rate.mean_ratio\",\"traffic.canary_rps\",\"chaos (all features)\"]");
        JsonNode contributions = shap.at("/series/0/data");
        assertThat(contributions.get(0).get("value").asDouble()).isEqualTo(2.301);
        assertThat(contributions.get(0).at("/itemStyle/color").asText()).isEqualTo(Colors.RED);
        assertThat(contributions.get(1).get("value").asDouble()).isEqualTo(-0.12);
        assertThat(contributions.get(1).at("/itemStyle/color").asText()).isEqualTo(Colors.GREEN);
        assertThat(contributions.get(1).at("/label/formatter").asText()).isEqualTo("-0.120");
        assertThat(contributions.get(2).get("value").asDouble()).isEqualTo(1.25);
        assertThat(shap.at("/yAxis").has("min")).as("negative contributions are drawn below zero").isFalse();
    }

    @Test
    void aJudgeWithoutTheModelHasOnlyTheMetricsChartAndNoMetricsNoChartAtAll() {
        Judgement thresholds = new Judgement(Verdict.PASSED, 100,
                List.of(new MetricResult("error_rate", 0.004, 0.005, "<= 0.02", 30, MetricStatus.PASS)),
                List.of("error_rate canary 0.004 within <= 0.02"));

        assertThat(summary(thresholds).getCharts()).extracting(Chart::title).containsExactly(GateCharts.METRICS_TITLE);
        assertThat(summary(new Judgement(Verdict.INCONCLUSIVE, 0, List.of(), List.of("no data"))).getCharts()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PASSED,#1b7f3b", "FAILED,#c62828", "INCONCLUSIVE,#9a6700", "ERROR,#6a1b9a"})
    void onlyAPassIsGreen(Verdict verdict, String color) {
        assertThat(summary(new Judgement(verdict, 50, List.of(), List.of())).getColor()).isEqualTo(color);
    }

    @Test
    void aJudgementWithoutReasonsOrModelHasNoTopFeatures() {
        GateSummary s = summary(new Judgement(Verdict.INCONCLUSIVE, 0, List.of(), List.of()));

        assertThat(s.getTopFeatures()).isEmpty();
        assertThat(s.getTooltip()).endsWith("INCONCLUSIVE, score 0.0");
    }

    @Test
    void theActionsSurviveSerializationWithTheirSummary() throws Exception {
        TestStepContext context = new TestStepContext();
        GateSummaryAction action = new GateSummaryAction(summary(FAILED));
        GateBadgeAction badge = new GateBadgeAction(summary(FAILED));

        GateSummaryAction read = StepSerialization.deserialize(StepSerialization.serialize(action, context), context, GateSummaryAction.class);
        GateBadgeAction readBadge = StepSerialization.deserialize(StepSerialization.serialize(badge, context), context, GateBadgeAction.class);

        assertThat(read.getSummary().getReasons()).isEqualTo(action.getSummary().getReasons());
        assertThat(read.getDisplayName()).isEqualTo("Deployment gate: FAILED (score 12.3)");
        assertThat(read.getUrlName()).isNull();
        assertThat(readBadge.getSummary().getBadgeText()).isEqualTo("FAILED 12.3");
        assertThat(readBadge.getIconFileName()).isNull();
    }
}
