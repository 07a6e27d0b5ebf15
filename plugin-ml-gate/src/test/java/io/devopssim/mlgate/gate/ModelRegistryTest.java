package io.devopssim.mlgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.state.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class ModelRegistryTest {
    private static final Instant TRAINED_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static List<TrainingExample> heldOut;
    private static GateTrainer.Trained good;
    private static GateTrainer.Trained weak;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        GateTrainer trainer = new GateTrainer(TrainingParams.DEFAULT, Clock.fixed(TRAINED_AT, ZoneOffset.UTC));
        good = trainer.train(TrainedModels.training());
        // one stump on a fifth of the data: a model clearly worse than the good one
        weak = new GateTrainer(new TrainingParams(1, 1, 0.3, 7, 1), Clock.fixed(TRAINED_AT, ZoneOffset.UTC))
                .train(TrainedModels.training().subList(0, 80));
        heldOut = TrainedModels.heldOut(200);
    }

    @Test
    void shouldRoundTripModelAndMetadata() {
        ModelRegistry registry = new ModelRegistry(dir);

        String version = registry.register(good);
        ModelRegistry.Stored stored = registry.load(version);

        assertThat(version).isEqualTo("v0001");
        assertThat(dir.resolve("v0001/model.ubj")).isNotEmptyFile();
        assertThat(stored.metadata().version()).isEqualTo("v0001");
        assertThat(stored.metadata().schemaVersion()).isEqualTo(FeatureSchema.VERSION);
        assertThat(stored.metadata().features()).isEqualTo(FeatureSchema.names());
        assertThat(stored.metadata().dataHash()).isEqualTo(GateTrainer.dataHash(TrainedModels.training())).startsWith("sha256:");
        assertThat(stored.metadata().examples()).isEqualTo(TrainedModels.TRAINING_RELEASES);
        assertThat(stored.metadata().training().accuracy()).isGreaterThan(0.9);
        assertThat(stored.metadata().created()).isEqualTo(TRAINED_AT);
        for (TrainingExample e : heldOut.subList(0, 20)) {
            assertThat(stored.model().probabilityBad(e.features())).isEqualTo(good.model().probabilityBad(e.features()));
        }
    }

    @Test
    void shouldMakeTheFirstModelCurrentAndRefuseAWorseOne() {
        ModelRegistry registry = new ModelRegistry(dir);
        String first = registry.register(good);
        String second = registry.register(weak);

        PromotionDecision initial = registry.promoteIfNotWorse(first, heldOut);
        PromotionDecision refused = registry.promoteIfNotWorse(second, heldOut);

        assertThat(initial.promoted()).isTrue();
        assertThat(refused.promoted()).isFalse();
        assertThat(refused.reason()).startsWith("v0002 is worse than v0001 and stays unused");
        assertThat(refused.candidateOnHeldOut().logLoss()).isGreaterThan(refused.previousOnHeldOut().logLoss());
        assertThat(registry.currentVersion()).contains("v0001");
        assertThat(registry.versions()).containsExactly("v0001", "v0002");
    }

    @Test
    void shouldReplaceAWorseCurrentModelWithABetterOne() {
        ModelRegistry registry = new ModelRegistry(dir);
        registry.promoteIfNotWorse(registry.register(weak), heldOut);

        PromotionDecision decision = registry.promoteIfNotWorse(registry.register(good), heldOut);

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.previous()).isEqualTo("v0001");
        assertThat(registry.current()).get().extracting(s -> s.metadata().version()).isEqualTo("v0002");
    }

    @Test
    void shouldRefuseAModelTrainedOnAnotherFeatureSchema() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir);
        String version = registry.register(good);
        Path metadata = dir.resolve(version).resolve("metadata.json");
        ModelMetadata stored = Json.mapper().readValue(metadata.toFile(), ModelMetadata.class);
        Json.mapper().writeValue(metadata.toFile(), new ModelMetadata(stored.version(), "gate-features-v2",
                stored.features().subList(0, 47), stored.dataHash(), stored.examples(), stored.badExamples(), stored.training(),
                stored.params(), stored.created()));

        assertThatThrownBy(() -> registry.load(version)).isInstanceOf(ModelException.class)
                .hasMessage(version + " reads feature schema gate-features-v2; this gate computes gate-features-v3: train a new"
                        + " model from the release history (devsim gate train, or the trainDeploymentGate step; add --simulated N"
                        + " to bootstrap)");
        assertThat(Files.readString(metadata)).contains("\"dataHash\"");
    }
}
