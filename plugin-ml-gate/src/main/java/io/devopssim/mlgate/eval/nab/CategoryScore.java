package io.devopssim.mlgate.eval.nab;

/**
 * One data category's share of a NAB result, at the corpus-wide threshold.
 *
 * @param windows         labelled windows in the category
 * @param detected        of which at least one detection fell inside
 * @param falsePositives  detection rows outside the windows
 * @param score           raw score of the category's files
 * @param normalised      normalised over the category's own null and perfect scores; NaN without windows
 *                        (artificialNoAnomaly), where only the raw score (false-positive costs) says anything
 */
public record CategoryScore(String category, int files, int windows, int detected, int falsePositives, double score,
                            double normalised) {
}
