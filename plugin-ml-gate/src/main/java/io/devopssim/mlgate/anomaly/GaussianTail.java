package io.devopssim.mlgate.anomaly;

import org.apache.commons.math3.special.Erf;

/**
 * Surprise of a deviation under a normal model, as {@code -log10} of its tail probability: 2 means
 * "one in a hundred", 8 "one in a hundred million". A log scale keeps very unlikely points apart
 * instead of rounding them all to probability zero, which matters when NAB sweeps a threshold.
 */
final class GaussianTail {
    private static final double LN10 = Math.log(10);
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private GaussianTail() {
    }

    /** {@code -log10 P(Z >= z)} for a standard normal Z; 0 for z <= 0 would overstate it, so z is clamped at 0. */
    static double surprise(double z) {
        double x = Math.max(z, 0);
        if (x < 30) {
            return -Math.log(0.5 * Erf.erfc(x / SQRT2)) / LN10;
        }
        // erfc underflows out here: the asymptotic series of the Mills ratio is exact to 1e-3 relative
        double logTail = -x * x / 2 - Math.log(x) - LOG_SQRT_2PI + Math.log1p(-1 / (x * x));
        return -logTail / LN10;
    }

    /** Surprise of {@code value} against a mean and standard deviation; {@code floor} keeps a flat history from dividing by zero. */
    static double surprise(double value, double mean, double standardDeviation, double floor) {
        return surprise(Math.abs(value - mean) / Math.max(standardDeviation, floor));
    }
}
