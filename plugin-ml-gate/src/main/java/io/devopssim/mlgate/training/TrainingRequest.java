package io.devopssim.mlgate.training;

import io.devopssim.mlgate.gate.GatingCriterion;
import io.devopssim.mlgate.gate.TrainingParams;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One training of the gate's model.
 *
 * @param history             release history to learn from
 * @param modelDir            the model directory: the current model is read from it and the new one written to it
 * @param simulatedReleases   simulated releases added to the history (half healthy, half faulty), to bootstrap a
 *                            model before there is enough history; 0 for none
 * @param params              XGBoost settings
 * @param criterion           when the new model may replace the current one
 * @param heldOutShare        share of examples held back from training to gate on, in (0, 1)
 * @param replaceIncompatible make the new model current without a comparison when the current one reads another
 *                            feature schema (whose figures cannot be compared); refused otherwise
 * @param git                 also commit a promoted model there; null for the model directory alone
 */
public record TrainingRequest(List<NamedHistory> history, Path modelDir, int simulatedReleases, TrainingParams params,
                              GatingCriterion criterion, double heldOutShare, boolean replaceIncompatible,
                              ModelGitTarget git) {
    /** Simulated releases are drawn from SeedRange.TRAINING; past this they would run into other ranges' uses. */
    public static final int MAX_SIMULATED = 50_000;

    public TrainingRequest {
        history = List.copyOf(history);
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(criterion, "criterion");
        if (simulatedReleases < 0 || simulatedReleases > MAX_SIMULATED) {
            throw new TrainingException("simulated releases must be in 0.." + MAX_SIMULATED + ", got " + simulatedReleases);
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new TrainingException("the held-back share must be between 0 and 1, got " + heldOutShare);
        }
    }
}
