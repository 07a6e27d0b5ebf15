package io.devopssim.core.chaos;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a chaos experiment showed, as evidence for the deployment gate.
 *
 * @param experimentId      the run
 * @param outcome           how it ended
 * @param hypothesisHeld    true only when the faults ran their full length, every probe held at every check
 *                          before and during them, and the steady state was back within the recovery limit
 * @param timeToRecover     from the halt of the faults to the first check at which every probe held
 *                          again; null when the system did not recover within the experiment's limit
 *                          (or the faults never started)
 * @param errorBudgetBurned share, 0..1, of the checks during and after the faults at which the steady
 *                          state was broken (a check counts once, however many probes broke)
 * @param probes            every probe's series
 */
public record ChaosResult(String experimentId, Outcome outcome, boolean hypothesisHeld, Duration timeToRecover,
                          double errorBudgetBurned, List<ProbeSeries> probes) {

    public enum Outcome {
        /** The faults ran their full length. */
        COMPLETED,
        /** An abort condition halted the faults early. */
        ABORTED,
        /** The steady state did not hold before anything was injected: nothing was started. */
        NOT_STEADY,
        /** Stopped from outside (pipeline stop, kill switch, timeout). */
        STOPPED,
        /** A backend failed; whatever was started has been halted. */
        FAILED
    }

    /** Added to both sides of a probe ratio (error rates are often zero before the faults). */
    public static final double RATIO_EPSILON = 1e-3;

    public ChaosResult {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(outcome, "outcome");
        probes = List.copyOf(probes);
        if (!(errorBudgetBurned >= 0 && errorBudgetBurned <= 1)) {
            throw new IllegalArgumentException("errorBudgetBurned must be in 0..1: " + errorBudgetBurned);
        }
    }

    /**
     * The result as numeric gate features: {@code chaos_hypothesis_held} (1/0),
     * {@code chaos_recovered} (1/0), {@code chaos_time_to_recover_s} (NaN when not recovered: missing,
     * never a pass), {@code chaos_error_budget_burned}, {@code chaos_aborted} (1/0),
     * {@code chaos_worst_probe_ratio} ({@link #worstProbeRatio()}).
     */
    public Map<String, Double> features() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("chaos_hypothesis_held", hypothesisHeld ? 1.0 : 0.0);
        f.put("chaos_recovered", timeToRecover != null ? 1.0 : 0.0);
        f.put("chaos_time_to_recover_s", timeToRecover == null ? Double.NaN : timeToRecover.toMillis() / 1000.0);
        f.put("chaos_error_budget_burned", errorBudgetBurned);
        f.put("chaos_aborted", outcome == Outcome.ABORTED ? 1.0 : 0.0);
        f.put("chaos_worst_probe_ratio", worstProbeRatio());
        return f;
    }

    /**
     * How far the faults moved the probes: over the probes measured before the faults, the largest ratio of a
     * value during or after them to that probe's mean before them (1 = unmoved). NaN when no probe has finite
     * values on both sides (missing, not "unmoved"). Values are shifted by {@link #RATIO_EPSILON} so that a
     * zero error rate before gives a large finite ratio, not infinity.
     */
    public double worstProbeRatio() {
        double worst = Double.NaN;
        for (ProbeSeries probe : probes) {
            double before = probe.points().stream().filter(p -> p.stage() == ProbePoint.Stage.BEFORE)
                    .mapToDouble(ProbePoint::value).filter(Double::isFinite).average().orElse(Double.NaN);
            double after = probe.points().stream().filter(p -> p.stage() != ProbePoint.Stage.BEFORE)
                    .mapToDouble(ProbePoint::value).filter(Double::isFinite).max().orElse(Double.NaN);
            if (Double.isFinite(before) && Double.isFinite(after)) {
                double ratio = (Math.abs(after) + RATIO_EPSILON) / (Math.abs(before) + RATIO_EPSILON);
                worst = Double.isNaN(worst) ? ratio : Math.max(worst, ratio);
            }
        }
        return worst;
    }
}
