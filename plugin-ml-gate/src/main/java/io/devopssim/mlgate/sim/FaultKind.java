package io.devopssim.mlgate.sim;

import io.devopssim.core.spec.RegressionSpec;

/** The faults a simulated release can carry, each on one metric family. */
public enum FaultKind {
    HEALTHY,
    /** {@code size} is added to the error rate (0.01 = one more failure per hundred requests). */
    ERROR,
    /** {@code size} multiplies latency. */
    LATENCY,
    /** {@code size} multiplies CPU. */
    CPU,
    /**
     * Healthy in steady state, but {@code size} is added to the error rate while a chaos fault is in force (and
     * half of it for a while after): a release without retries or timeouts. Seen only by a chaos step
     * ({@link SimulatedChaos}).
     */
    FRAGILE;

    public RegressionSpec regression(double size) {
        return switch (this) {
            case HEALTHY, FRAGILE -> RegressionSpec.NONE;
            case ERROR -> new RegressionSpec(size, 1, 1);
            case LATENCY -> new RegressionSpec(0, size, 1);
            case CPU -> new RegressionSpec(0, 1, size);
        };
    }
}
