package io.devopssim.mlgate.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.devopssim.core.state.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
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
 * A registered model becomes current only when it is not worse than the current one on held-back examples
 * ({@link #decide}, {@link GatingCriterion}): the model is itself gated. A version appears whole or not at
 * all (written aside and moved into place), and {@code CURRENT} is replaced atomically.
 */
public final class ModelRegistry {
    public static final String MODEL = "model.ubj";
    public static final String METADATA = "metadata.json";
    public static final String CURRENT = "CURRENT";
    private static final Pattern VERSION = Pattern.compile("v\\d{4,}");

    private final Path dir;
    private final ObjectMapper json = Json.mapper();

    public ModelRegistry(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Stores the model under the next free version; it does not become current. Written into a hidden
     * directory and moved into place, so a crash leaves no half version behind.
     */
    public String register(GateTrainer.Trained trained) {
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".staging-");
            try {
                Files.write(staging.resolve(MODEL), trained.model().toBytes());
                for (int attempt = 0; ; attempt++) {
                    String version = String.format("v%04d", versions().size() + 1 + attempt);
                    json.writeValue(staging.resolve(METADATA).toFile(), trained.metadata().withVersion(version));
                    Path target = dir.resolve(version);
                    if (Files.exists(target)) {
                        continue;
                    }
                    try {
                        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                        return version;
                    } catch (AtomicMoveNotSupportedException e) {
                        throw new ModelException("the file system of " + dir + " cannot move a directory atomically", e);
                    } catch (FileSystemException e) {
                        if (!Files.exists(target)) {
                            throw e;
                        }
                        // another registrar took the version between the check and the move: try the next one
                    }
                }
            } finally {
                deleteTree(staging);
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
            String version = Files.readString(current, StandardCharsets.UTF_8).trim();
            if (!VERSION.matcher(version).matches()) {
                throw new ModelException(current + " names \"" + version + "\", not a version such as v0001");
            }
            return Optional.of(version);
        } catch (IOException e) {
            throw new ModelException("cannot read " + current, e);
        }
    }

    public Optional<Stored> current() {
        return currentVersion().map(this::load);
    }

    /** A version's description, without loading its model (of any feature schema). */
    public ModelMetadata metadata(String version) {
        Path file = dir.resolve(version).resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new ModelException("model " + version + " is not in " + dir + " (no " + version + "/" + METADATA + ")");
        }
        try {
            return json.readValue(file.toFile(), ModelMetadata.class);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether a version reads the features this gate computes. */
    public boolean readsCurrentSchema(String version) {
        ModelMetadata m = metadata(version);
        return FeatureSchema.VERSION.equals(m.schemaVersion()) && FeatureSchema.names().equals(m.features());
    }

    /** What to do with a model of another feature schema. */
    public static final String RETRAIN = "train a new model from the release history (devsim gate train, or the"
            + " trainDeploymentGate step; add --simulated N to bootstrap)";

    /** Loads a version; refuses one trained on another feature schema, which would read columns wrongly. */
    public Stored load(String version) {
        ModelMetadata metadata = metadata(version);
        if (!FeatureSchema.VERSION.equals(metadata.schemaVersion()) || !FeatureSchema.names().equals(metadata.features())) {
            throw new ModelException(version + " reads feature schema " + metadata.schemaVersion()
                    + "; this gate computes " + FeatureSchema.VERSION + ": " + RETRAIN);
        }
        try {
            return new Stored(GateModel.fromBytes(Files.readAllBytes(dir.resolve(version).resolve(MODEL))), metadata);
        } catch (IOException e) {
            throw new ModelException("cannot load model " + version + " from " + dir, e);
        }
    }

    /**
     * Makes {@code candidate} current if it is not worse on the held-back examples ({@link GatingCriterion#DEFAULT}).
     * The examples must not have been used to train either model.
     */
    public PromotionDecision promoteIfNotWorse(String candidate, List<TrainingExample> heldOut) {
        return promoteIfNotWorse(candidate, heldOut, GatingCriterion.DEFAULT);
    }

    public PromotionDecision promoteIfNotWorse(String candidate, List<TrainingExample> heldOut, GatingCriterion criterion) {
        PromotionDecision decision = decide(candidate, heldOut, criterion);
        if (decision.promoted()) {
            makeCurrent(candidate);
        }
        return decision;
    }

    /**
     * Whether {@code candidate} may replace the current model, without changing anything: both models are
     * scored on the held-back examples and compared by {@code criterion}. No current model: it may. A
     * current model of another feature schema cannot be compared: a {@link ModelException}.
     */
    public PromotionDecision decide(String candidate, List<TrainingExample> heldOut, GatingCriterion criterion) {
        GateScore candidateScore = score(candidate, heldOut, criterion);
        Optional<String> previous = currentVersion();
        if (previous.isEmpty()) {
            return new PromotionDecision(true, candidate, null, candidateScore, null,
                    candidate + " becomes the first current model: " + candidateScore.describe());
        }
        if (!readsCurrentSchema(previous.get())) {
            throw new ModelException("the current model " + previous.get() + " reads feature schema "
                    + metadata(previous.get()).schemaVersion() + ", the new one " + FeatureSchema.VERSION
                    + ": their figures cannot be compared");
        }
        GateScore previousScore = score(previous.get(), heldOut, criterion);
        String figures = "on " + heldOut.size() + " held-back examples, " + criterion + ": " + candidate + " "
                + candidateScore.describe() + "; " + previous.get() + " " + previousScore.describe();
        boolean notWorse = criterion.notWorse(candidateScore, previousScore);
        return new PromotionDecision(notWorse, candidate, previous.get(), candidateScore, previousScore,
                candidate + (notWorse ? " is not worse than " + previous.get() + " and becomes current: "
                        : " is worse than " + previous.get() + " and stays unused: ") + figures);
    }

    /** The version's figures on held-back examples. */
    public GateScore score(String version, List<TrainingExample> heldOut, GatingCriterion criterion) {
        try (GateModel model = load(version).model()) {
            return GateScore.of(model, heldOut, criterion.falseRollbackRate());
        }
    }

    /** Written to a temporary file and moved, so a reader sees the old or the new version, never half. */
    public void makeCurrent(String version) {
        if (!versions().contains(version)) {
            throw new ModelException("cannot make " + version + " current: it is not in " + dir);
        }
        try {
            Path temp = Files.createTempFile(dir, "." + CURRENT, ".tmp");
            try {
                Files.writeString(temp, version + "\n", StandardCharsets.UTF_8);
                Files.move(temp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ModelException("cannot make " + version + " current", e);
        }
    }

    /** Removes a version that never became current (one whose publication failed). */
    public void discard(String version) {
        if (currentVersion().filter(version::equals).isPresent()) {
            throw new ModelException("cannot discard " + version + ": it is the current model");
        }
        try {
            deleteTree(dir.resolve(version));
        } catch (IOException e) {
            throw new ModelException("cannot remove " + version + " from " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A model read back from the registry. */
    public record Stored(GateModel model, ModelMetadata metadata) {
    }
}
