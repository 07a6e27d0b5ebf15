package io.devopssim.core.model;

/**
 * The outcome of a judge or gate. Never a boolean: only {@link #PASSED} may lead to a promotion,
 * and missing, late or partial data is {@link #INCONCLUSIVE} (Argo Rollouts #3850, Kayenta's NaN
 * baselines are the failures we avoid).
 */
public enum Verdict {
    PASSED,
    FAILED,
    INCONCLUSIVE,
    ERROR;

    public boolean promotes() {
        return this == PASSED;
    }
}
