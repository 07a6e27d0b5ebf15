package io.devopssim.mlgate.judge;

/**
 * @param u        U statistic of the canary (pairs where the canary is larger; ties count a half)
 * @param z        standardised U, tie-corrected; positive when the canary tends to be larger
 * @param pValue   two-sided p-value of the normal approximation
 * @param estimate Hodges-Lehmann shift, canary minus baseline (median of pairwise differences)
 * @param lower    lower end of the shift's confidence interval
 * @param upper    upper end of the shift's confidence interval
 */
public record MannWhitneyResult(double u, double z, double pValue, double estimate, double lower, double upper) {
}
