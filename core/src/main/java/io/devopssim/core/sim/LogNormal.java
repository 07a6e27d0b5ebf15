package io.devopssim.core.sim;

/**
 * A log-normal distribution: request latencies are skewed, with a long tail, and a slower version
 * multiplies them (a shift of {@code mu}).
 *
 * @param mu    mean of the logarithm
 * @param sigma standard deviation of the logarithm
 */
public record LogNormal(double mu, double sigma) {
    /** The standard normal quantile of 0.99. */
    static final double Z_99 = 2.3263478740408408;

    public double median() {
        return Math.exp(mu);
    }

    public double quantile(double z) {
        return Math.exp(mu + z * sigma);
    }

    public double mean() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        return standardNormalCdf((Math.log(x) - mu) / sigma);
    }

    /** Abramowitz and Stegun 7.1.26 (error below 1.5e-7): ample for bucket counts. */
    static double standardNormalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
