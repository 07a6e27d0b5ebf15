package io.devopssim.mlgate;

import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.mlgate.judge.Direction;
import io.devopssim.mlgate.judge.MannWhitneyConfig;
import io.devopssim.mlgate.judge.MannWhitneyJudge;
import io.devopssim.mlgate.judge.MetricConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecJudgesTest {
    private final List<MetricCriterion> criteria = List.of(
            new MetricCriterion("error_rate", 0.02, null, 2.0),
            new MetricCriterion("latency_p99_ms", null, null, 1.5),
            new MetricCriterion("request_rate", null, 10.0, null));

    @Test
    void shouldBuildTheJudgeTheSpecNames() {
        assertThat(SpecJudges.forSpec(new AnalysisSpec(Duration.ofSeconds(10), 6, criteria)))
                .isInstanceOf(ThresholdJudge.class);
        assertThat(SpecJudges.forSpec(new AnalysisSpec(Duration.ofSeconds(10), 6, criteria, JudgeKind.MANN_WHITNEY)))
                .isInstanceOf(MannWhitneyJudge.class);
    }

    @Test
    void shouldCarryTheCriteriaOverAsKayentaMetricConfigs() {
        MannWhitneyConfig c = SpecJudges.mannWhitney(new AnalysisSpec(Duration.ofSeconds(10), 2, criteria, JudgeKind.MANN_WHITNEY));

        assertThat(c.metrics()).containsExactly(
                new MetricConfig("error_rate", "error_rate", Direction.INCREASE, 2.0, 1.0, true),
                new MetricConfig("latency_p99_ms", "latency_p99_ms", Direction.INCREASE, 1.5, 1.0, false),
                new MetricConfig("request_rate", "request_rate", Direction.DECREASE, 1.0, 1.0, false));
        assertThat(c.minSamples()).as("Mann-Whitney needs at least 3 points a side").isEqualTo(3);
    }
}
