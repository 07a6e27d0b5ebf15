package io.devopssim.mlgate.gate;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Trains the gate's model from labelled windows and describes what it was trained on. */
public final class GateTrainer {
    /** Boosting rounds between progress reports (and interruption checks). */
    public static final int ROUNDS_PER_REPORT = 10;

    private final TrainingParams params;
    private final Clock clock;

    public GateTrainer(TrainingParams params, Clock clock) {
        this.params = params;
        this.clock = clock;
    }

    public GateTrainer(TrainingParams params) {
        this(params, Clock.systemUTC());
    }

    public Trained train(List<TrainingExample> examples) {
        return train(examples, (done, total) -> { });
    }

    /**
     * Trains round by round, telling {@code progress} every {@link #ROUNDS_PER_REPORT} rounds and stopping there
     * when the thread is interrupted (a {@link CancellationException}, nothing kept). The model is the one a
     * single call for all rounds gives (GateTrainerTest).
     */
    public Trained train(List<TrainingExample> examples, Progress progress) {
        long bad = examples.stream().filter(TrainingExample::bad).count();
        if (bad == 0 || bad == examples.size()) {
            throw new IllegalArgumentException("training needs both healthy and bad examples; got " + bad + " bad of " + examples.size());
        }
        try {
            DMatrix train = matrix(examples);
            try {
                // a booster of no rounds, then one update per round: what XGBoost.train does for all rounds at
                // once (continuing a trained booster through XGBoost.train resets its parameters and gives
                // another model)
                Booster booster = XGBoost.train(train, params.xgboost(), 0, Map.of(), null, null);
                for (int round = 0; round < params.rounds(); round++) {
                    if (round % ROUNDS_PER_REPORT == 0 && Thread.currentThread().isInterrupted()) {
                        booster.dispose();
                        throw new CancellationException("training interrupted after " + round + " of " + params.rounds() + " rounds");
                    }
                    booster.update(train, round);
                    if ((round + 1) % ROUNDS_PER_REPORT == 0 || round + 1 == params.rounds()) {
                        progress.rounds(round + 1, params.rounds());
                    }
                }
                booster.setFeatureNames(FeatureSchema.names().toArray(String[]::new));
                GateModel model = new GateModel(booster);
                Evaluation fit = model.evaluate(examples, 0.5);
                ModelMetadata metadata = new ModelMetadata(null, FeatureSchema.VERSION, FeatureSchema.names(),
                        dataHash(examples), examples.size(), (int) bad, fit, params.asStrings(), clock.instant());
                return new Trained(model, metadata);
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new ModelException("training failed", e);
        }
    }

    /** SHA-256 over every example's label, features and source, in order: the same data, the same hash. */
    public static String dataHash(List<TrainingExample> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(4 * FeatureSchema.size() + 1);
            for (TrainingExample e : examples) {
                buffer.clear();
                buffer.put((byte) (e.bad() ? 1 : 0));
                for (float f : e.features()) {
                    buffer.putFloat(f);
                }
                digest.update(buffer.array(), 0, buffer.position());
                digest.update(e.source().getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static DMatrix matrix(List<TrainingExample> examples) throws XGBoostError {
        int columns = FeatureSchema.size();
        float[] data = new float[examples.size() * columns];
        float[] labels = new float[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(examples.get(i).features(), 0, data, i * columns, columns);
            labels[i] = examples.get(i).bad() ? 1 : 0;
        }
        DMatrix matrix = new DMatrix(data, examples.size(), columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    /** Told how far training is. */
    @FunctionalInterface
    public interface Progress {
        void rounds(int done, int total);
    }

    /** A freshly trained model and its description (no version until a registry stores it). */
    public record Trained(GateModel model, ModelMetadata metadata) {
    }
}
