package io.devopssim.mlgate.gate;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.List;

/**
 * A trained XGBoost classifier over {@link FeatureSchema}: the probability that a release is bad, and
 * the SHAP contribution of each feature to it. Predictions are serialised on the booster (XGBoost's JVM
 * binding does not promise thread safety) and use one thread: a single row is faster that way.
 * The booster lives in native memory: close a model that is no longer used.
 */
public final class GateModel implements AutoCloseable {
    /** Universal Binary JSON: XGBoost's own portable format, readable across versions. */
    private static final String FORMAT = "ubj";
    private final Booster booster;

    GateModel(Booster booster) {
        this.booster = booster;
        try {
            booster.setParam("nthread", 1);
        } catch (XGBoostError e) {
            throw new ModelException("cannot set the prediction threads", e);
        }
    }

    public static GateModel fromBytes(byte[] model) {
        try {
            return new GateModel(XGBoost.loadModel(model));
        } catch (XGBoostError | IOException e) {
            throw new ModelException("cannot load the model", e);
        }
    }

    public byte[] toBytes() {
        try {
            synchronized (booster) {
                return booster.toByteArray(FORMAT);
            }
        } catch (XGBoostError e) {
            throw new ModelException("cannot serialise the model", e);
        }
    }

    /** Probability that the release whose window gave {@code features} is bad. */
    public double probabilityBad(float[] features) {
        return ask(features, false)[0];
    }

    /**
     * SHAP contributions in log-odds, one per feature in schema order, then the bias: they add up to the
     * model's raw margin, so each says how far its feature moved the decision and which way.
     */
    public float[] contributions(float[] features) {
        return ask(features, true);
    }

    public Evaluation evaluate(List<TrainingExample> examples, double threshold) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to evaluate on");
        }
        float[][] predictions = predictAll(examples);
        double loss = 0;
        int right = 0;
        int missed = 0;
        int falseAlarms = 0;
        for (int i = 0; i < examples.size(); i++) {
            double p = Math.min(1 - 1e-7, Math.max(1e-7, predictions[i][0]));
            boolean bad = examples.get(i).bad();
            loss -= bad ? Math.log(p) : Math.log(1 - p);
            boolean saysBad = p >= threshold;
            if (saysBad == bad) {
                right++;
            } else if (bad) {
                missed++;
            } else {
                falseAlarms++;
            }
        }
        return new Evaluation(examples.size(), loss / examples.size(), right / (double) examples.size(), missed, falseAlarms);
    }

    private float[][] predictAll(List<TrainingExample> examples) {
        try {
            DMatrix matrix = GateTrainer.matrix(examples);
            try {
                synchronized (booster) {
                    return booster.predict(matrix);
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new ModelException("prediction failed", e);
        }
    }

    private float[] ask(float[] features, boolean contributions) {
        if (features.length != FeatureSchema.size()) {
            throw new IllegalArgumentException("expected " + FeatureSchema.size() + " features, got " + features.length);
        }
        try {
            DMatrix row = new DMatrix(features, 1, features.length, Float.NaN);
            try {
                synchronized (booster) {
                    return contributions ? booster.predictContrib(row, 0)[0] : booster.predict(row)[0];
                }
            } finally {
                row.dispose();
            }
        } catch (XGBoostError e) {
            throw new ModelException("prediction failed", e);
        }
    }

    /** Frees the booster's native memory; the model cannot be asked afterwards. */
    @Override
    public void close() {
        synchronized (booster) {
            booster.dispose();
        }
    }
}
