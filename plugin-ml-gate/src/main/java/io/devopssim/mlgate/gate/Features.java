package io.devopssim.mlgate.gate;

import java.util.List;

/**
 * One analysis window as the model sees it.
 *
 * @param values  one value per {@link FeatureSchema#names()}, in that order (empty when incomplete)
 * @param missing why features could not be computed; empty when the vector is complete
 */
public record Features(float[] values, List<String> missing) {
    public Features {
        values = values.clone();
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public float value(String feature) {
        return values[FeatureSchema.names().indexOf(feature)];
    }
}
