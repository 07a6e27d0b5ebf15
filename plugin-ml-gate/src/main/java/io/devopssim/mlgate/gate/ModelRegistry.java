package io.devopssim.mlgate.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.state.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned models in a directory (which may be a Git working tree):
 * <pre>
 * v0001/model.ubj      the XGBoost model
 * v0001/metadata.json  {@link ModelMetadata}
 * CURRENT              the version the gate uses
 * </pre>
 * A registered model becomes current only through {@link #promoteIfNotWorse}: the model is itself gated.
 */
public final class ModelRegistry {
    private static final Pattern VERSION = Pattern.compile("v\\d{4,}");
    private static final String MODEL = "model.ubj";
    private static final String METADATA = "metadata.json";
    private static final String CURRENT = "CURRENT";

    private final Path dir;
    private final double decisionThreshold;
    private final ObjectMapper json = Json.mapper();

    /**
     * @param decisionThreshold the gate's probability threshold, used to count misses and false alarms
     */
    public ModelRegistry(Path dir, double decisionThreshold) {
        this.dir = dir;
        this.decisionThreshold = decisionThreshold;
    }

    /** Stores the model under the next free version; it does not become current. */
    public String register(GateTrainer.Trained trained) {
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; ; attempt++) {
                String version = String.format("v%04d", versions().size() + 1 + attempt);
                Path versionDir = dir.resolve(version);
                try {
                    // createDirectory fails if another registrar took the version first
                    Files.createDirectory(versionDir);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                Files.write(versionDir.resolve(MODEL), trained.model().toBytes());
                json.writeValue(versionDir.resolve(METADATA).toFile(), trained.metadata().withVersion(version));
                return version;
            }
        } catch (IOException e) {
            throw new ModelException("cannot store the model in " + dir, e);
        }
    }

    public List<String> versions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> VERSION.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new ModelException("cannot list " + dir, e);
        }
    }

    public Optional<String> currentVersion() {
        Path current = dir.resolve(CURRENT);
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(current, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new ModelException("cannot read " + current, e);
        }
    }

    public Optional<Stored> current() {
        return currentVersion().map(this::load);
    }

    /** Loads a version; refuses one trained on another feature schema, which would read columns wrongly. */
    public Stored load(String version) {
        Path versionDir = dir.resolve(version);
        try {
            ModelMetadata metadata = json.readValue(versionDir.resolve(METADATA).toFile(), ModelMetadata.class);
            if (!FeatureSchema.VERSION.equals(metadata.schemaVersion()) || !FeatureSchema.names().equals(metadata.features())) {
                throw new ModelException(version + " reads feature schema " + metadata.schemaVersion()
                        + "; this gate computes " + FeatureSchema.VERSION);
            }
            return new Stored(GateModel.fromBytes(Files.readAllBytes(versionDir.resolve(MODEL))), metadata);
        } catch (IOException e) {
            throw new ModelException("cannot load model " + version + " from " + dir, e);
        }
    }

    /**
     * Makes {@code candidate} current if its log loss on the held-back examples is not above the current
     * model's. The examples must not have been used to train either model.
     */
    public PromotionDecision promoteIfNotWorse(String candidate, List<TrainingExample> heldOut) {
        Evaluation candidateScore = evaluate(candidate, heldOut);
        Optional<String> previous = currentVersion();
        if (previous.isEmpty()) {
            makeCurrent(candidate);
            return new PromotionDecision(true, candidate, null, candidateScore, null, "no current model");
        }
        Evaluation previousScore = evaluate(previous.get(), heldOut);
        String numbers = "held-back log loss " + Numbers.format(candidateScore.logLoss()) + " against "
                + Numbers.format(previousScore.logLoss()) + " of " + previous.get() + " on " + heldOut.size() + " examples";
        if (candidateScore.logLoss() <= previousScore.logLoss()) {
            makeCurrent(candidate);
            return new PromotionDecision(true, candidate, previous.get(), candidateScore, previousScore,
                    candidate + " is not worse: " + numbers);
        }
        return new PromotionDecision(false, candidate, previous.get(), candidateScore, previousScore,
                candidate + " is worse and stays unused: " + numbers);
    }

    private Evaluation evaluate(String version, List<TrainingExample> examples) {
        try (GateModel model = load(version).model()) {
            return model.evaluate(examples, decisionThreshold);
        }
    }

    /** Written to a temporary file and moved, so a reader sees the old or the new version, never half. */
    private void makeCurrent(String version) {
        try {
            Path temp = Files.createTempFile(dir, CURRENT, ".tmp");
            Files.writeString(temp, version + "\n", StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ModelException("cannot make " + version + " current", e);
        }
    }

    /** A model read back from the registry. */
    public record Stored(GateModel model, ModelMetadata metadata) {
    }
}
