package io.devopssim.mlgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

class CombinedGateTest {
    private static final AnalysisInput INPUT = new AnalysisInput(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), Map.of(), Map.of());

    private static Judge answering(Verdict verdict, double score, AtomicInteger calls) {
        return input -> {
            calls.incrementAndGet();
            return new Judgement(verdict, score, List.of(), List.of(verdict.name().toLowerCase()));
        };
    }

    @Test
    void shouldPassOnlyWhenEveryStagePasses() {
        AtomicInteger calls = new AtomicInteger();
        CombinedGate gate = new CombinedGate(List.of(new CombinedGate.Stage("slo", answering(Verdict.PASSED, 100, calls)),
                new CombinedGate.Stage("model", answering(Verdict.PASSED, 80, calls))));

        Judgement j = gate.judge(INPUT);

        assertThat(j.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(j.score()).isEqualTo(80);
        assertThat(j.reasons()).containsExactly("stages: slo PASSED, model PASSED", "slo: passed", "model: passed");
    }

    @Test
    void shouldStopAtTheFirstFailedStage() {
        AtomicInteger later = new AtomicInteger();
        CombinedGate gate = new CombinedGate(List.of(new CombinedGate.Stage("slo", answering(Verdict.FAILED, 0, new AtomicInteger())),
                new CombinedGate.Stage("model", answering(Verdict.PASSED, 90, later))));

        Judgement j = gate.judge(INPUT);

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.reasons()).startsWith("stages: slo FAILED (stopped there)", "stopped at slo: FAILED");
        assertThat(later).hasValue(0);
    }

    @Test
    void shouldLetALaterStageProveAFailureAfterAnInconclusiveOne() {
        CombinedGate gate = new CombinedGate(List.of(
                new CombinedGate.Stage("statistics", answering(Verdict.INCONCLUSIVE, 60, new AtomicInteger())),
                new CombinedGate.Stage("model", answering(Verdict.FAILED, 5, new AtomicInteger()))));

        assertThat(gate.judge(INPUT).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldNeverPassAfterAnInconclusiveStage() {
        CombinedGate gate = new CombinedGate(List.of(
                new CombinedGate.Stage("statistics", answering(Verdict.INCONCLUSIVE, 60, new AtomicInteger())),
                new CombinedGate.Stage("model", answering(Verdict.PASSED, 95, new AtomicInteger()))));

        Judgement j = gate.judge(INPUT);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons().get(0)).isEqualTo("stages: statistics INCONCLUSIVE, model PASSED"
                + " (an inconclusive stage keeps the verdict from PASSED)");
    }

    @Test
    void shouldStopOnAnError() {
        CombinedGate gate = new CombinedGate(List.of(new CombinedGate.Stage("model", answering(Verdict.ERROR, 0, new AtomicInteger()))));

        assertThat(gate.judge(INPUT).verdict()).isEqualTo(Verdict.ERROR);
        assertThatThrownBy(() -> new CombinedGate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
