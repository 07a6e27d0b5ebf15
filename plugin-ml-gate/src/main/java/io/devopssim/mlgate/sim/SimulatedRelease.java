package io.devopssim.mlgate.sim;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.spec.RegressionSpec;

import java.util.Locale;

/**
 * One simulated canary analysis with its ground truth.
 *
 * @param seed       the simulator's seed
 * @param kind       what was wrong: healthy, error, latency or cpu
 * @param size       how large the fault was, in the kind's unit (error-rate delta, latency or CPU factor)
 * @param regression the fault given to the canary
 * @param input      the analysis window at the first canary step
 */
public record SimulatedRelease(long seed, FaultKind kind, double size, RegressionSpec regression, AnalysisInput input) {

    /** A release is bad when its canary carries any fault. */
    public boolean bad() {
        return kind != FaultKind.HEALTHY;
    }

    public String label() {
        return "sim:seed=" + seed + ":" + kind.name().toLowerCase(Locale.ROOT)
                + (bad() ? ":" + size : "") + (input.chaos() != null ? ":chaos" : "");
    }
}
