package io.devopssim.mlgate.eval.nab;

import java.util.List;

/**
 * A detector's NAB result under one profile.
 *
 * @param threshold  the corpus-wide threshold NAB's optimiser chose for this profile
 * @param score      raw score, summed over the files
 * @param normalised {@code 100 * (score - null) / (perfect - null)} over the whole corpus
 */
public record NabResult(CostProfile profile, double threshold, double score, double normalised,
                        List<CategoryScore> categories, List<FileScore> files) {
    public NabResult {
        categories = List.copyOf(categories);
        files = List.copyOf(files);
    }
}
