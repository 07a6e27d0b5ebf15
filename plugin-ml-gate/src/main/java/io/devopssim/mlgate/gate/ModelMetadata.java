package io.devopssim.mlgate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a stored model is: kept as {@code metadata.json} next to the model file.
 *
 * @param version       registry version ({@code v0001}, ...); null before the model is registered
 * @param schemaVersion {@link FeatureSchema#VERSION} the model reads
 * @param features      feature names in column order
 * @param dataHash      {@link GateTrainer#dataHash} of the training examples
 * @param examples      number of training examples
 * @param badExamples   of which labelled bad
 * @param training      the model's fit on its own training data (at probability 0.5)
 * @param params        training parameters
 * @param created       when it was trained
 */
public record ModelMetadata(String version, String schemaVersion, List<String> features, String dataHash,
                            int examples, int badExamples, Evaluation training, Map<String, String> params,
                            Instant created) {
    public ModelMetadata {
        features = List.copyOf(features);
        params = Map.copyOf(params);
    }

    ModelMetadata withVersion(String v) {
        return new ModelMetadata(v, schemaVersion, features, dataHash, examples, badExamples, training, params, created);
    }
}
