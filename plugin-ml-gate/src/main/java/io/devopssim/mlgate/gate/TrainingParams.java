package io.devopssim.mlgate.gate;

import java.util.Map;

/**
 * XGBoost settings for the gate: shallow trees on a few dozen features, enough rounds to separate
 * healthy from faulty windows without memorising the simulator's noise.
 *
 * @param rounds   boosting rounds
 * @param maxDepth depth of each tree
 * @param eta      learning rate
 * @param seed     XGBoost's seed, so a retrain on the same data gives the same model
 * @param threads  threads for training (predictions always use one)
 */
public record TrainingParams(int rounds, int maxDepth, double eta, long seed, int threads) {
    public static final TrainingParams DEFAULT = new TrainingParams(60, 3, 0.2, 7, 2);

    public TrainingParams {
        if (rounds < 1 || maxDepth < 1 || !(eta > 0 && eta <= 1) || threads < 1) {
            throw new IllegalArgumentException("invalid training parameters: rounds " + rounds + ", maxDepth "
                    + maxDepth + ", eta " + eta + ", threads " + threads);
        }
    }

    Map<String, Object> xgboost() {
        return Map.of("objective", "binary:logistic", "eval_metric", "logloss", "max_depth", maxDepth, "eta", eta,
                "seed", seed, "nthread", threads, "tree_method", "exact", "verbosity", 0);
    }

    Map<String, String> asStrings() {
        return Map.of("rounds", Integer.toString(rounds), "max_depth", Integer.toString(maxDepth),
                "eta", Double.toString(eta), "seed", Long.toString(seed), "objective", "binary:logistic");
    }
}
