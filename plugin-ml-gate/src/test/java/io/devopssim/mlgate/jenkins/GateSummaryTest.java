package io.devopssim.mlgate.jenkins;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
