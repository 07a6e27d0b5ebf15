package io.devopssim.mlgate.gate;

import java.util.Objects;

/**
 * One labelled analysis window.
 *
 * @param features the {@link FeatureSchema} vector
 * @param bad      whether the release was bad (should have been rolled back)
 * @param source   who or what labelled it, e.g. {@code sim:seed=12:error+0.01} or {@code rollout:abc}
 */
public record TrainingExample(float[] features, boolean bad, String source) {
    public TrainingExample {
        Objects.requireNonNull(source, "source");
        if (features.length != FeatureSchema.size()) {
            throw new IllegalArgumentException("expected " + FeatureSchema.size() + " features, got " + features.length);
        }
        features = features.clone();
    }

    @Override
    public float[] features() {
        return features.clone();
    }
}
