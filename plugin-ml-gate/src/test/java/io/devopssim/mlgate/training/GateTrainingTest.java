package io.devopssim.mlgate.training;

import io.devopssim.core.history.Decider;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.HistoryRead;
import io.devopssim.core.history.Relabel;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.Json;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.mlgate.gate.FeatureSchema;
import io.devopssim.mlgate.gate.GatingCriterion;
import io.devopssim.mlgate.gate.ModelMetadata;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GateTrainingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final TrainingParams PARAMS = new TrainingParams(30, 3, 0.3, 7, 1);

    @TempDir
    Path tmp;

    private final List<String> progress = new ArrayList<>();

    /** The same history for every test: simulated once per JVM. */
    private static final class History {
        static final List<HistoryEntry> ENTRIES = ReleaseHistories.entries(0, 160);
    }

    private TrainingRequest request(Path dir, List<HistoryEntry> entries, int simulated, TrainingParams params) {
        return new TrainingRequest(List.of(ReleaseHistories.named("history.jsonl", entries)), dir, simulated, params,
                GatingCriterion.DEFAULT, HeldOutSplit.DEFAULT_SHARE, false, null);
    }

    private TrainingOutcome train(TrainingRequest request) {
        return new GateTraining(CLOCK, null).run(request, progress::add);
    }

    @Test
    @DisplayName("the first model trained from history becomes current, with its lineage, data hashes and held-back figures")
    void firstModelBecomesCurrent() {
        Path dir = tmp.resolve("models");

        TrainingOutcome outcome = train(request(dir, History.ENTRIES, 0, PARAMS));

        assertThat(outcome.version()).isEqualTo("v0001");
        assertThat(outcome.decision().promoted()).isTrue();
        assertThat(new ModelRegistry(dir).currentVersion()).contains("v0001");
        ModelMetadata m = outcome.metadata();
        assertThat(m.schemaVersion()).isEqualTo(FeatureSchema.VERSION);
        assertThat(m.parentVersion()).isNull();
        assertThat(m.dataHash()).startsWith("sha256:").isNotEqualTo(m.heldOutHash());
        assertThat(m.sources()).containsEntry("history", 160).containsEntry("simulated", 0);
        assertThat(m.examples() + m.heldOut().healthy() + m.heldOut().bad()).isEqualTo(160);
        assertThat(m.heldOut().recall()).as("a model that learned something").isGreaterThan(0.5);
        assertThat(m.created()).isEqualTo(CLOCK.instant());
        assertThat(progress).contains("history history.jsonl: 160 entries", "training: 10/30 rounds", "training: 30/30 rounds")
                .anyMatch(l -> l.matches("labelled \\d+ healthy and \\d+ bad releases from history"))
                .anyMatch(l -> l.startsWith("v0001 becomes the first current model: recall "));
    }

    @Test
    @DisplayName("a retrained model replaces the current one when it is not worse, with both models' figures printed")
    void aModelNotWorseReplacesTheCurrentOne() {
        Path dir = tmp.resolve("models");
        train(request(dir, History.ENTRIES, 0, PARAMS));

        TrainingOutcome second = train(request(dir, History.ENTRIES, 0, PARAMS));

        assertThat(second.decision().promoted()).isTrue();
        assertThat(second.decision().previous()).isEqualTo("v0001");
        assertThat(second.metadata().parentVersion()).isEqualTo("v0001");
        assertThat(second.decision().candidateOnHeldOut().recall()).isEqualTo(second.decision().previousOnHeldOut().recall());
        assertThat(second.decision().reason()).startsWith("v0002 is not worse than v0001 and becomes current: on ")
                .contains("recall at 1% false rollbacks, tolerance 2 points").contains("v0002 recall ").contains("; v0001 recall ");
        assertThat(new ModelRegistry(dir).currentVersion()).contains("v0002");
    }

    @Test
    @DisplayName("a retrained model that catches fewer bad releases at the false-rollback budget stays unused")
    void aWorseModelStaysUnused() {
        Path dir = tmp.resolve("models");
        train(request(dir, History.ENTRIES, 0, PARAMS));

        TrainingOutcome weak = train(request(dir, History.ENTRIES, 0, new TrainingParams(1, 1, 0.05, 7, 1)));

        assertThat(weak.decision().promoted()).as(weak.decision().reason()).isFalse();
        assertThat(weak.decision().reason()).startsWith("v0002 is worse than v0001 and stays unused");
        assertThat(weak.decision().candidateOnHeldOut().recall())
                .isLessThan(weak.decision().previousOnHeldOut().recall() - GatingCriterion.DEFAULT.tolerance());
        ModelRegistry registry = new ModelRegistry(dir);
        assertThat(registry.currentVersion()).contains("v0001");
        assertThat(registry.versions()).containsExactly("v0001", "v0002");
    }

    @Test
    void simulatedReleasesBootstrapAModelWithoutHistory() {
        Path dir = tmp.resolve("models");

        TrainingOutcome outcome = train(request(dir, List.of(), 60, PARAMS));

        assertThat(outcome.metadata().sources()).containsEntry("history", 0).containsEntry("simulated", 60);
        assertThat(progress).contains("simulated 12/60 releases", "simulated 60/60 releases");
    }

    @Test
    void tooLittleHistoryIsAClearErrorAndWritesNothing() {
        Path dir = tmp.resolve("models");

        assertThatThrownBy(() -> train(request(dir, History.ENTRIES.subList(0, 12), 0, PARAMS)))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("too little history to train and gate a model: 12 labelled examples")
                .hasMessageContaining("at least 20 examples and 3 of each class on each side are needed")
                .hasMessageEndingWith("add simulated releases to bootstrap (devsim gate train --simulated 400)");
        assertThat(dir).doesNotExist();
    }

    @Test
    void historyOfOneClassIsAClearError() {
        List<HistoryEntry> healthy = History.ENTRIES.stream().filter(e -> e.outcome() == RolloutPhase.PROMOTED).toList();

        assertThatThrownBy(() -> train(request(tmp.resolve("models"), healthy, 0, PARAMS)))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("the examples are all healthy (" + healthy.size() + "; from history " + healthy.size()
                        + " healthy, 0 bad): a model needs both healthy releases and bad ones");
    }

    @Test
    @DisplayName("a current model of another feature schema is refused, or replaced without a comparison when asked")
    void aCurrentModelOfAnotherSchema() throws Exception {
        Path dir = tmp.resolve("models");
        train(request(dir, History.ENTRIES, 0, PARAMS));
        Path metadata = dir.resolve("v0001").resolve(ModelRegistry.METADATA);
        ModelMetadata old = Json.mapper().readValue(metadata.toFile(), ModelMetadata.class);
        Json.mapper().writeValue(metadata.toFile(), new ModelMetadata(old.version(), "gate-features-v0", old.features(),
                old.dataHash(), old.examples(), old.badExamples(), old.training(), old.params(), old.created()));

        assertThatThrownBy(() -> train(request(dir, History.ENTRIES, 0, PARAMS)))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("the current model v0001 in " + dir + " reads feature schema gate-features-v0; this devsim computes "
                        + FeatureSchema.VERSION);
        assertThat(new ModelRegistry(dir).versions()).containsExactly("v0001");

        TrainingRequest replace = new TrainingRequest(List.of(ReleaseHistories.named("h", History.ENTRIES)), dir, 0, PARAMS,
                GatingCriterion.DEFAULT, HeldOutSplit.DEFAULT_SHARE, true, null);
        TrainingOutcome outcome = train(replace);
        assertThat(outcome.decision().promoted()).isTrue();
        assertThat(outcome.decision().reason()).startsWith("v0002 replaces v0001 of another feature schema without a comparison");
        assertThat(new ModelRegistry(dir).currentVersion()).contains("v0002");
    }

    @Test
    @DisplayName("only evidence about the release labels it: aborts, inconclusive rollbacks and chaos rollbacks are skipped and counted")
    void labelsComeOnlyFromEvidence() {
        var release = SimulatedReleases.simulate(ReleaseHistories.SEEDS.seed(9_000), FaultKind.ERROR, 0.05);
        List<HistoryEntry> entries = List.of(
                ReleaseHistories.entry(release),
                ReleaseHistories.entry(release, RolloutPhase.ABORTED, new Decider(Decider.Kind.USER, "alice"), Verdict.PASSED),
                rename(ReleaseHistories.entry(release, RolloutPhase.ROLLED_BACK, new Decider(Decider.Kind.JUDGE, "xgboost"),
                        Verdict.INCONCLUSIVE), "b"),
                rename(ReleaseHistories.entry(release, RolloutPhase.ROLLED_BACK, new Decider(Decider.Kind.CHAOS, "slow-network"),
                        Verdict.PASSED), "c"),
                rename(ReleaseHistories.entry(release, RolloutPhase.ROLLED_BACK, new Decider(Decider.Kind.DEPLOYMENT, "argocd"),
                        Verdict.PASSED), "d"));

        HistoryExamples.Labelled labelled = HistoryExamples.label(entries, new io.devopssim.mlgate.gate.FeatureExtractor());

        assertThat(labelled.examples()).extracting(e -> e.source()).containsExactly("rollout:d");
        assertThat(labelled.bad()).isEqualTo(1);
        assertThat(labelled.skipped()).containsEntry(HistoryExamples.SUPERSEDED, 1)
                .containsEntry(HistoryExamples.ABORTED, 1).containsEntry(HistoryExamples.NO_EVIDENCE, 1)
                .containsEntry(HistoryExamples.CHAOS, 1);
    }

    @Test
    @DisplayName("the latest relabel of a rollout gives its label, whatever decided it; the source (and so the held-out split) stays")
    void relabelsOverrideHowTheRolloutEnded() {
        var release = SimulatedReleases.simulate(ReleaseHistories.SEEDS.seed(9_001), FaultKind.HEALTHY, 0);
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        List<HistoryEntry> entries = List.of(
                rename(ReleaseHistories.entry(release, RolloutPhase.ROLLED_BACK, new Decider(Decider.Kind.JUDGE, "xgboost"),
                        Verdict.FAILED), "false-alarm"),
                rename(ReleaseHistories.entry(release, RolloutPhase.ROLLED_BACK, new Decider(Decider.Kind.JUDGE, "xgboost"),
                        Verdict.INCONCLUSIVE), "inconclusive"),
                rename(ReleaseHistories.entry(release, RolloutPhase.PROMOTED, new Decider(Decider.Kind.JUDGE, "xgboost"),
                        Verdict.PASSED), "promoted"));
        List<Relabel> relabels = List.of(
                Relabel.of("false-alarm", Relabel.Label.BAD, "alice", "first thought", at),
                Relabel.of("false-alarm", Relabel.Label.GOOD, "bob", "the rollback was a false alarm", at.plusSeconds(60)),
                Relabel.of("inconclusive", Relabel.Label.GOOD, "bob", "looked at the dashboards", at),
                Relabel.of("gone", Relabel.Label.BAD, "carol", "typo'd elsewhere", at));

        HistoryExamples.Labelled plain = HistoryExamples.label(entries, new io.devopssim.mlgate.gate.FeatureExtractor());
        HistoryExamples.Labelled labelled = HistoryExamples.label(entries, relabels, new io.devopssim.mlgate.gate.FeatureExtractor());

        assertThat(plain.examples()).extracting(TrainingExample::source, TrainingExample::bad)
                .containsExactly(tuple("rollout:false-alarm", true), tuple("rollout:promoted", false));
        assertThat(labelled.examples()).extracting(TrainingExample::source, TrainingExample::bad)
                .containsExactly(tuple("rollout:false-alarm", false), tuple("rollout:inconclusive", false),
                        tuple("rollout:promoted", false));
        assertThat(labelled.relabelled()).isEqualTo(2);
        assertThat(labelled.skipped()).containsEntry(HistoryExamples.SUPERSEDED_RELABEL, 1)
                .containsEntry(HistoryExamples.UNKNOWN_RELABEL, 1);

        TrainingOutcome outcome = train(new TrainingRequest(List.of(new NamedHistory("h.jsonl",
                new HistoryRead(History.ENTRIES, List.of(), List.of(Relabel.of(History.ENTRIES.get(0).rolloutId(),
                        History.ENTRIES.get(0).outcome() == RolloutPhase.PROMOTED ? Relabel.Label.BAD : Relabel.Label.GOOD,
                        "alice", "why", at))))), tmp.resolve("relabelled"), 0, PARAMS, GatingCriterion.DEFAULT,
                HeldOutSplit.DEFAULT_SHARE, false, null));
        assertThat(outcome.version()).isEqualTo("v0001");
        assertThat(progress).contains("history h.jsonl: 160 entries, 1 relabels")
                .anyMatch(l -> l.matches("labelled \\d+ healthy and \\d+ bad releases from history \\(1 as relabelled\\)"));
    }

    @Test
    void anInterruptedTrainingStoresNothing() {
        Path dir = tmp.resolve("models");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> train(request(dir, History.ENTRIES, 0, PARAMS))).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(dir).doesNotExist();
    }

    private static HistoryEntry rename(HistoryEntry e, String id) {
        return new HistoryEntry(e.format(), id, e.app(), e.image(), e.outcome(), e.decidedBy(), e.reason(), e.judgement(),
                e.finishedAt(), e.window());
    }

    static boolean modelDirIsEmpty(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
