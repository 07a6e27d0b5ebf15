package io.devopssim.mlgate.gate;

/**
 * When a retrained model may replace the current one: it must not be worse on examples neither was trained
 * on. "Not worse" is measured where the gate operates, at a false-rollback budget:
 *
 * <p>For each model, on the held-back examples, take the lowest probability threshold at which at most
 * {@code floor(falseRollbackRate x healthy)} held-back healthy releases would be rolled back (just above the
 * (k+1)-th highest healthy probability). Its <b>recall</b> is the share of held-back bad releases at or above
 * that threshold. The candidate is not worse when its recall is at least the current model's minus
 * {@code tolerance}, which absorbs the noise of a small held-back set (one release in fifty, by default).
 * Log loss is shown beside it but does not decide: a better-calibrated model that catches fewer bad
 * releases at the same false-rollback rate is worse for a gate.
 *
 * @param falseRollbackRate share of healthy releases the gate may roll back, in [0, 1)
 * @param tolerance         recall the candidate may lose and still count as not worse, in [0, 1)
 */
public record GatingCriterion(double falseRollbackRate, double tolerance) {
    public static final GatingCriterion DEFAULT = new GatingCriterion(0.01, 0.02);

    public GatingCriterion {
        if (!(falseRollbackRate >= 0 && falseRollbackRate < 1)) {
            throw new IllegalArgumentException("falseRollbackRate must be in [0, 1): " + falseRollbackRate);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1): " + tolerance);
        }
    }

    public boolean notWorse(GateScore candidate, GateScore current) {
        return candidate.recall() >= current.recall() - tolerance;
    }

    @Override
    public String toString() {
        return "recall at " + plain(100 * falseRollbackRate) + "% false rollbacks, tolerance " + plain(100 * tolerance)
                + " points";
    }

    /** {@code 1} rather than {@code 1.000}, {@code 0.5} as is. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
