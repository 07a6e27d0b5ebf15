package io.devopssim.core.spec;

/**
 * A fault given to the simulated canary.
 *
 * @param errorRateDelta added to the canary's error rate (0.05 = five more failures per hundred)
 * @param latencyFactor  multiplies the canary's latency (1 = unchanged)
 * @param cpuFactor      multiplies the canary's CPU (1 = unchanged)
 */
public record RegressionSpec(double errorRateDelta, double latencyFactor, double cpuFactor) {
    public static final RegressionSpec NONE = new RegressionSpec(0, 1, 1);

    public boolean isNone() {
        return errorRateDelta == 0 && latencyFactor == 1 && cpuFactor == 1;
    }
}
