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
 * @param parentVersion the version that was current when it was trained, or null (the first model, or one
 *                      trained outside a registry)
 * @param heldOutHash   {@link GateTrainer#dataHash} of the held-back examples it was gated on, or null
 * @param heldOut       its figures on them, or null
 * @param sources       how many examples came from where, e.g. {@code history} and {@code simulated}
 */
public record ModelMetadata(String version, String schemaVersion, List<String> features, String dataHash,
                            int examples, int badExamples, Evaluation training, Map<String, String> params,
                            Instant created, String parentVersion, String heldOutHash, GateScore heldOut,
                            Map<String, Integer> sources) {
    public ModelMetadata {
        features = List.copyOf(features);
        params = Map.copyOf(params);
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** A model's description before it is gated (what {@link GateTrainer} knows). */
    public ModelMetadata(String version, String schemaVersion, List<String> features, String dataHash, int examples,
                         int badExamples, Evaluation training, Map<String, String> params, Instant created) {
        this(version, schemaVersion, features, dataHash, examples, badExamples, training, params, created, null, null,
                null, Map.of());
    }

    ModelMetadata withVersion(String v) {
        return new ModelMetadata(v, schemaVersion, features, dataHash, examples, badExamples, training, params, created,
                parentVersion, heldOutHash, heldOut, sources);
    }

    /** The same model with where it came from and how it did on the examples held back from it. */
    public ModelMetadata withLineage(String parent, String heldOutDataHash, GateScore score, Map<String, Integer> from) {
        return new ModelMetadata(version, schemaVersion, features, dataHash, examples, badExamples, training, params,
                created, parent, heldOutDataHash, score, from);
    }
}
