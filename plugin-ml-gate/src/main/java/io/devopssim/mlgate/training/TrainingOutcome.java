package io.devopssim.mlgate.training;

import io.devopssim.mlgate.gate.ModelMetadata;
import io.devopssim.mlgate.gate.PromotionDecision;

/**
 * What a training did.
 *
 * @param version  the new model's version in the model directory
 * @param decision whether it became current, with both models' held-back figures
 * @param metadata what was stored with it
 * @param commitId the commit that published it to Git, or null (not promoted, or no Git target)
 */
public record TrainingOutcome(String version, PromotionDecision decision, ModelMetadata metadata, String commitId) {
}
