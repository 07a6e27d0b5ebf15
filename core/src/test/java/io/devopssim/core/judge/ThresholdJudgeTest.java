package io.devopssim.core.judge;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.MetricCriterion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdJudgeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final AnalysisSpec spec = new AnalysisSpec(Duration.ofSeconds(10), 5, List.of(
            new MetricCriterion("error_rate", 0.02, null, 2.0),
            new MetricCriterion("latency_p99_ms", null, null, 1.5)));
    private final ThresholdJudge judge = new ThresholdJudge(spec);

    @Test
    void shouldPassWhenEveryMetricIsWithinItsBounds() {
        Judgement j = judge.judge(input(Map.of(
                "error_rate", series("error_rate", 0.005, 0.006, 10),
                "latency_p99_ms", series("latency_p99_ms", 120, 125, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(j.score()).isEqualTo(100.0);
        assertThat(j.metrics()).extracting(r -> r.status()).containsOnly(MetricStatus.PASS);
        assertThat(j.metrics().get(0).canary()).isEqualTo(0.006, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void shouldFailWhenCanaryErrorRateBreaksTheAbsoluteLimit() {
        Judgement j = judge.judge(input(Map.of(
                "error_rate", series("error_rate", 0.005, 0.055, 10),
                "latency_p99_ms", series("latency_p99_ms", 120, 125, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.score()).isEqualTo(50.0);
        assertThat(j.metrics().get(0).status()).isEqualTo(MetricStatus.HIGH);
        assertThat(j.reasons().get(0)).contains("error_rate canary 0.05500").contains("<= 0.02000");
    }

    @Test
    void shouldFailWhenCanaryIsTooFarAboveBaseline() {
        Judgement j = judge.judge(input(Map.of(
                "error_rate", series("error_rate", 0.005, 0.006, 10),
                "latency_p99_ms", series("latency_p99_ms", 100, 151, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.metrics().get(1).status()).isEqualTo(MetricStatus.HIGH);
    }

    @Test
    void shouldBeInconclusiveNeverPassedWhenCanaryHasTooFewSamples() {
        Judgement j = judge.judge(input(Map.of(
                "error_rate", series("error_rate", 0.005, 0.006, 4),
                "latency_p99_ms", series("latency_p99_ms", 120, 125, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.metrics().get(0).status()).isEqualTo(MetricStatus.NO_DATA);
        assertThat(j.reasons()).anyMatch(r -> r.contains("only 4 canary samples, 5 needed"));
    }

    @Test
    void shouldTreatNaNSamplesAsMissingNotAsZero() {
        CanaryBaseline nan = new CanaryBaseline("error_rate", samples(0.005, 10), samples(Double.NaN, 10));
        Judgement j = judge.judge(input(Map.of("error_rate", nan,
                "latency_p99_ms", series("latency_p99_ms", 120, 125, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldBeInconclusiveWhenAMetricSourceIsUnavailable() {
        Judgement j = judge.judge(new AnalysisInput(T0, T0.plusSeconds(100),
                Map.of("latency_p99_ms", series("latency_p99_ms", 120, 125, 10)),
                Map.of("error_rate", "prometheus answered 503")));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons()).contains("error_rate: no data (prometheus answered 503)");
    }

    @Test
    void shouldFailRatherThanWaitWhenOneMetricBreaksAndAnotherHasNoData() {
        Judgement j = judge.judge(input(Map.of("error_rate", series("error_rate", 0.005, 0.2, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldRefuseAnyCanaryValueOverAZeroBaselineRatio() {
        Judgement j = judge.judge(input(Map.of(
                "error_rate", series("error_rate", 0.0, 0.001, 10),
                "latency_p99_ms", series("latency_p99_ms", 120, 125, 10))));

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
    }

    private static AnalysisInput input(Map<String, CanaryBaseline> series) {
        return new AnalysisInput(T0, T0.plusSeconds(100), series, Map.of());
    }

    private static CanaryBaseline series(String metric, double baseline, double canary, int n) {
        return new CanaryBaseline(metric, samples(baseline, 10), samples(canary, n));
    }

    private static List<Sample> samples(double value, int n) {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new Sample(T0.plusSeconds(10L * i), value));
        }
        return s;
    }
}
