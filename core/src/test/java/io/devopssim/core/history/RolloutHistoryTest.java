package io.devopssim.core.history;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.devopssim.core.history.HistoryFixtures.T0;
import static io.devopssim.core.history.HistoryFixtures.ended;
import static io.devopssim.core.history.HistoryFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

class RolloutHistoryTest {

    @Test
    @DisplayName("a rollback by the judge is kept with its verdict, reasons and the judged window of every standard metric")
    void rollbackByTheJudgeKeepsTheJudgedWindow() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        RolloutState state = ended(RolloutPhase.ROLLED_BACK, Verdict.FAILED, event(200, Kind.ROLLED_BACK, "rolled back"));

        HistoryEntry entry = RolloutHistory.entry(state, f.spec, f.analysis);

        assertThat(entry.outcome()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(entry.decidedBy()).isEqualTo(new Decider(Decider.Kind.JUDGE, "threshold"));
        assertThat(entry.image()).isEqualTo("ghcr.io/acme/checkout:1.6.0");
        assertThat(entry.judgement().reasons()).containsExactly("error_rate canary 0.055 breaks <= 0.02");
        assertThat(entry.finishedAt()).isEqualTo(T0.plusSeconds(200));
        AnalysisWindow w = entry.window();
        assertThat(w.start()).isEqualTo(T0.plusSeconds(60));
        assertThat(w.end()).isEqualTo(T0.plusSeconds(180));
        assertThat(w.weight()).isEqualTo(10);
        assertThat(w.series().keySet()).containsExactlyInAnyOrderElementsOf(StandardMetrics.ALL);
        assertThat(w.series().get(StandardMetrics.ERROR_RATE).canary().values()).hasSize(12);
        // what the window replays is exactly what a judge fetched for it
        AnalysisInput direct = f.analysis.fetch(StandardMetrics.ALL, Duration.ofSeconds(10), w.start(), w.end());
        assertThat(w.toInput().series().get(StandardMetrics.LATENCY_P99_MS))
                .isEqualTo(direct.series().get(StandardMetrics.LATENCY_P99_MS));
    }

    @Test
    @DisplayName("the window keeps the chaos result the judge had as evidence: the latest before the analysis, not one after it")
    void theWindowKeepsTheChaosResultBeforeTheAnalysis() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        ChaosResult before = new ChaosResult("checkout-1.6.0-chaos-1", ChaosResult.Outcome.COMPLETED, true,
                Duration.ofSeconds(20), 0.25, List.of(new ProbeSeries("canary-errors", List.of(
                        new ProbePoint(T0, ProbePoint.Stage.BEFORE, 0.004, true),
                        new ProbePoint(T0.plusSeconds(10), ProbePoint.Stage.DURING, Double.NaN, false)))));
        ChaosResult after = new ChaosResult("checkout-1.6.0-chaos-3", ChaosResult.Outcome.ABORTED, false, null, 1.0, List.of());
        RolloutState ended = ended(RolloutPhase.ROLLED_BACK, Verdict.FAILED,
                new RolloutEvent(T0.plusSeconds(300), 2, Kind.CHAOS, "chaos", 10, null, null, after));
        List<RolloutEvent> events = new ArrayList<>(ended.events());
        events.add(2, new RolloutEvent(T0.plusSeconds(50), 2, Kind.CHAOS, "chaos", 10, null, null, before));
        RolloutState state = new RolloutState(ended.rolloutId(), ended.specDigest(), ended.stableValue(), ended.phase(),
                ended.stepIndex(), ended.weight(), ended.waitingSince(), ended.waitUntil(), ended.attempts(), ended.outcome(), events);

        HistoryEntry entry = RolloutHistory.entry(state, f.spec, f.analysis);
        JsonLinesHistory file = new JsonLinesHistory(java.nio.file.Files.createTempDirectory("history").resolve("h.jsonl"));
        file.append(entry);

        assertThat(entry.window().chaos()).isEqualTo(before);
        assertThat(entry.window().toInput().chaos()).isEqualTo(before);
        assertThat(entry.format()).isEqualTo(2);
        HistoryEntry read = file.read().entries().get(0);
        assertThat(read.window().chaos().experimentId()).isEqualTo("checkout-1.6.0-chaos-1");
        assertThat(read.window().chaos().timeToRecover()).isEqualTo(Duration.ofSeconds(20));
        assertThat(read.window().chaos().probes().get(0).points().get(1).value()).isNaN();
        assertThat(RolloutHistory.entry(ended(RolloutPhase.PROMOTED, Verdict.PASSED), f.spec, f.analysis).window().chaos()).isNull();
    }

    @Test
    void theDeciderIsReadFromHowTheRolloutEnded() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        ChaosResult broken = new ChaosResult("checkout-1.6.0-chaos-3", ChaosResult.Outcome.ABORTED, false, null, 1.0, List.of());

        assertThat(RolloutHistory.decider(ended(RolloutPhase.PROMOTED, Verdict.PASSED), f.spec))
                .isEqualTo(new Decider(Decider.Kind.JUDGE, "threshold"));
        assertThat(RolloutHistory.decider(ended(RolloutPhase.ABORTED, Verdict.PASSED,
                event(190, Kind.ABORT_REQUESTED, "abort requested: stopped by alice")), f.spec))
                .isEqualTo(new Decider(Decider.Kind.USER, "stopped by alice"));
        assertThat(RolloutHistory.decider(ended(RolloutPhase.ROLLED_BACK, Verdict.PASSED,
                new RolloutEvent(T0.plusSeconds(300), 2, Kind.CHAOS, "chaos", 10, null, null, broken)), f.spec))
                .isEqualTo(new Decider(Decider.Kind.CHAOS, "slow-network"));
        assertThat(RolloutHistory.decider(ended(RolloutPhase.ROLLED_BACK, Verdict.PASSED,
                event(400, Kind.COMMITTED, "promotion committed"), event(500, Kind.ROLLED_BACK, "reverted")), f.spec).kind())
                .isEqualTo(Decider.Kind.DEPLOYMENT);
        assertThat(RolloutHistory.decider(ended(RolloutPhase.ROLLED_BACK, Verdict.PASSED,
                event(400, Kind.FAILED, "step 3/3 chaos slow-network failed: backend down")), f.spec))
                .isEqualTo(new Decider(Decider.Kind.ERROR, "step 3/3 chaos slow-network failed: backend down"));
        RolloutState noAnalysis = new RolloutState("r", "d", "1.5.0", RolloutPhase.PROMOTED, 1, 0, null, null, 0, null,
                List.of(event(0, Kind.STARTED, "s"), event(1, Kind.PROMOTED, "promoted")));
        HistoryEntry unjudged = RolloutHistory.entry(noAnalysis, f.spec, f.analysis);
        assertThat(unjudged.decidedBy().kind()).isEqualTo(Decider.Kind.STEPS);
        assertThat(unjudged.window()).isNull();
        assertThat(unjudged.judgement()).isNull();
    }

    @Test
    @DisplayName("a history that cannot be written is a warning, never an exception for the finished rollout")
    void aFailingStoreIsAWarning() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        List<String> warnings = new ArrayList<>();
        ReleaseHistory broken = new ReleaseHistory() {
            @Override
            public void append(HistoryEntry entry) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public HistoryRead read() {
                return new HistoryRead(List.of(), List.of());
            }
        };

        new RolloutHistory(broken, warnings::add).finished(ended(RolloutPhase.PROMOTED, Verdict.PASSED), f.spec, f.analysis);

        assertThat(warnings).containsExactly("rollout checkout-1.6.0 is not in the release history: disk full");
    }

    @Test
    void onlyAFinishedRolloutIsAppended() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        List<HistoryEntry> kept = new ArrayList<>();
        ReleaseHistory memory = new ReleaseHistory() {
            @Override
            public void append(HistoryEntry entry) {
                kept.add(entry);
            }

            @Override
            public HistoryRead read() {
                return new HistoryRead(kept, List.of());
            }
        };
        RolloutHistory history = new RolloutHistory(memory, w -> { throw new AssertionError(w); });

        history.finished(ended(RolloutPhase.PROMOTED, Verdict.PASSED).withPhase(RolloutPhase.PROMOTING), f.spec, f.analysis);
        history.finished(ended(RolloutPhase.PROMOTED, Verdict.PASSED), f.spec, f.analysis);

        assertThat(kept).hasSize(1).first().extracting(HistoryEntry::outcome).isEqualTo(RolloutPhase.PROMOTED);
    }
}
