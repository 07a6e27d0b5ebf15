package io.devopssim.core.spec;

/**
 * The embedded fleet a spec runs on when no cluster is named.
 *
 * @param seed              makes every series reproducible
 * @param pods              pods of the app (stable and canary share them by weight)
 * @param requestsPerSecond total request rate
 * @param canaryRegression  what is wrong with the canary, if anything
 */
public record SimulationSpec(long seed, int pods, double requestsPerSecond, RegressionSpec canaryRegression) {
    public static final SimulationSpec DEFAULT = new SimulationSpec(42, 10, 200, RegressionSpec.NONE);
    /** More pods than this is a typo, not a fleet anyone simulates on a laptop. */
    public static final int MAX_PODS = 10_000;
}
