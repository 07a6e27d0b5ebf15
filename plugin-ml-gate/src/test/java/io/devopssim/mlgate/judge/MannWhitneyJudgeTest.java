package io.devopssim.mlgate.judge;

import static io.devopssim.mlgate.judge.Series.input;
import static io.devopssim.mlgate.judge.Series.noisy;
import static io.devopssim.mlgate.judge.Series.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class MannWhitneyJudgeTest {
    private static final int N = 30;

    private static CanaryBaseline healthy(String metric, long seed) {
        return pair(metric, noisy(seed, N, 100, 0.05), noisy(seed + 1000, N, 100, 0.05));
    }

    private static CanaryBaseline raised(String metric, long seed, double factor) {
        return pair(metric, noisy(seed, N, 100, 0.05), noisy(seed + 1000, N, 100 * factor, 0.05));
    }

    private static List<MetricConfig> fourMetrics(boolean firstCritical) {
        return List.of(MetricConfig.mustNotIncrease("a", "g", firstCritical),
                MetricConfig.mustNotIncrease("b", "g", false),
                MetricConfig.mustNotIncrease("c", "g", false),
                MetricConfig.mustNotIncrease("d", "g", false));
    }

    private static Judgement judge(List<MetricConfig> metrics, AnalysisInput input) {
        return new MannWhitneyJudge(MannWhitneyConfig.defaults(metrics)).judge(input);
    }

    private static MetricStatus status(Judgement j, String metric) {
        return j.metrics().stream().filter(m -> m.metric().equals(metric)).map(MetricResult::status).findFirst().orElseThrow();
    }

    @Test
    void shouldPassAHealthyCanaryWithFullScore() {
        Judgement j = judge(fourMetrics(true), input(healthy("a", 1), healthy("b", 2), healthy("c", 3), healthy("d", 4)));

        assertThat(j.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(j.score()).isEqualTo(100);
        assertThat(j.metrics()).extracting(MetricResult::status).containsOnly(MetricStatus.PASS);
    }

    @Test
    void shouldFailWithScoreZeroWhenACriticalMetricIsHigh() {
        Judgement j = judge(fourMetrics(true), input(raised("a", 1, 1.3), healthy("b", 2), healthy("c", 3), healthy("d", 4)));

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.score()).isZero();
        assertThat(status(j, "a")).isEqualTo(MetricStatus.HIGH);
        assertThat(j.reasons().get(0)).startsWith("critical metric a is higher on the canary");
    }

    @Test
    void shouldHoldTheScoreToThePassAndMarginalThresholds() {
        Judgement oneHigh = judge(fourMetrics(false), input(raised("a", 1, 1.3), healthy("b", 2), healthy("c", 3), healthy("d", 4)));
        Judgement twoHigh = judge(fourMetrics(false), input(raised("a", 1, 1.3), raised("b", 2, 1.3), healthy("c", 3), healthy("d", 4)));
        Judgement threeHigh = judge(fourMetrics(false), input(raised("a", 1, 1.3), raised("b", 2, 1.3), raised("c", 3, 1.3), healthy("d", 4)));

        assertThat(oneHigh.score()).isEqualTo(75);
        assertThat(oneHigh.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(twoHigh.score()).isEqualTo(50);
        assertThat(twoHigh.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(threeHigh.score()).isEqualTo(25);
        assertThat(threeHigh.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldIgnoreAFallOfAMetricThatMayOnlyNotRise() {
        List<MetricConfig> metrics = List.of(MetricConfig.mustNotIncrease("a", "g", true),
                new MetricConfig("b", "g", Direction.EITHER, 1.0, 1.0, false));

        Judgement j = judge(metrics, input(raised("a", 1, 0.7), raised("b", 2, 0.7)));

        assertThat(status(j, "a")).isEqualTo(MetricStatus.PASS);
        assertThat(status(j, "b")).isEqualTo(MetricStatus.LOW);
    }

    @Test
    void shouldTolerateARiseWithinTheAllowedIncrease() {
        List<MetricConfig> strict = List.of(MetricConfig.mustNotIncrease("a", "g", true));
        List<MetricConfig> lenient = List.of(new MetricConfig("a", "g", Direction.INCREASE, 1.2, 1.0, true));
        AnalysisInput tenPercentUp = input(raised("a", 1, 1.1));

        assertThat(judge(strict, tenPercentUp).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(judge(lenient, tenPercentUp).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    @DisplayName("a NaN baseline is NO_DATA and never passes (Kayenta's replace strategy lets it pass)")
    void shouldNotPassANanBaseline() {
        CanaryBaseline nanBaseline = pair("a", Series.nans(N), new double[N]);
        List<MetricConfig> metrics = List.of(MetricConfig.mustNotIncrease("a", "g", false));
        MannWhitneyConfig removing = MannWhitneyConfig.defaults(metrics);
        MannWhitneyConfig replacing = removing.withNanStrategy(NanStrategy.REPLACE);

        Judgement removed = new MannWhitneyJudge(removing).judge(input(nanBaseline));
        Judgement replaced = new MannWhitneyJudge(replacing).judge(input(nanBaseline));

        assertThat(removed.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(replaced.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(status(replaced, "a")).isEqualTo(MetricStatus.NO_DATA);
        assertThat(replaced.reasons()).anyMatch(r -> r.contains("0 baseline points"));
    }

    @Test
    void shouldCountReplacedNansAsZerosWhenEnoughRealPointsRemain() {
        double[] canary = noisy(5, N, 100, 0.05);
        canary[3] = Double.NaN;
        CanaryBaseline mostlyReal = pair("a", noisy(6, N, 100, 0.05), canary);
        List<MetricConfig> metrics = List.of(MetricConfig.mustNotIncrease("a", "g", false));

        Judgement j = new MannWhitneyJudge(MannWhitneyConfig.defaults(metrics).withNanStrategy(NanStrategy.REPLACE))
                .judge(input(mostlyReal));

        assertThat(j.metrics().get(0).samples()).isEqualTo(N);
        assertThat(j.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldBeInconclusiveWithTooFewSamples() {
        CanaryBaseline few = pair("a", noisy(1, 5, 100, 0.05), noisy(2, 5, 100, 0.05));

        Judgement j = judge(List.of(MetricConfig.mustNotIncrease("a", "g", true)), input(few));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons().get(0)).contains("5 canary and 5 baseline points, 10 needed");
    }

    @Test
    void shouldBeInconclusiveWhenAMetricCouldNotBeFetched() {
        AnalysisInput input = new AnalysisInput(Series.START, Series.START.plusSeconds(300),
                Map.of("a", healthy("a", 1)), Map.of("b", "prometheus timed out"));
        List<MetricConfig> metrics = List.of(MetricConfig.mustNotIncrease("a", "g", false),
                MetricConfig.mustNotIncrease("b", "g", false));

        Judgement j = judge(metrics, input);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.score()).isEqualTo(50);
        assertThat(j.reasons()).contains("b: no data (prometheus timed out)");
    }

    @Test
    void shouldNotPassWhenOneOfFourMetricsHasNoDataAlthoughTheScoreWouldReachThePassThreshold() {
        AnalysisInput input = input(healthy("a", 1), healthy("b", 2), healthy("c", 3),
                pair("d", noisy(4, 2, 100, 0.05), noisy(5, 2, 100, 0.05)));

        Judgement j = judge(fourMetrics(false), input);

        assertThat(j.score()).isEqualTo(75);
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldFailWhenTheMetricsWithDataFailEvenIfOthersHaveNone() {
        AnalysisInput input = input(raised("a", 1, 1.3), raised("b", 2, 1.3), raised("c", 3, 1.3),
                pair("d", noisy(4, 2, 100, 0.05), noisy(5, 2, 100, 0.05)));

        Judgement j = judge(fourMetrics(false), input);

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.score()).isZero();
    }

    @Test
    void shouldWeighGroupsAsConfigured() {
        List<MetricConfig> metrics = List.of(MetricConfig.mustNotIncrease("errors", "errors", false),
                MetricConfig.mustNotIncrease("latency", "latency", false));
        MannWhitneyConfig config = MannWhitneyConfig.defaults(metrics).withGroupWeights(Map.of("errors", 70.0, "latency", 30.0));

        Judgement latencyUp = new MannWhitneyJudge(config).judge(input(healthy("errors", 1), raised("latency", 2, 1.3)));
        Judgement errorsUp = new MannWhitneyJudge(config).judge(input(raised("errors", 1, 1.3), healthy("latency", 2)));

        assertThat(latencyUp.score()).isCloseTo(70, within(1e-9));
        assertThat(latencyUp.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(errorsUp.score()).isCloseTo(30, within(1e-9));
        assertThat(errorsUp.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldPassIdenticalConstantSeries() {
        CanaryBaseline zeros = pair("errors", new double[N], new double[N]);

        Judgement j = judge(List.of(MetricConfig.mustNotIncrease("errors", "g", true)), input(zeros));

        assertThat(j.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldBeInconclusiveWithoutMetrics() {
        assertThat(judge(List.of(), input()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldRefuseAMarginalThresholdAboveThePassThreshold() {
        MannWhitneyConfig defaults = MannWhitneyConfig.defaults(fourMetrics(false));

        assertThatThrownBy(() -> new MannWhitneyConfig(defaults.metrics(), Map.of(),
                        0.98, 0.25, 10, NanStrategy.REMOVE, OutlierStrategy.KEEP, 3, 50, 75))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginal threshold 75");
    }
}
