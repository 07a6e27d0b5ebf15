package io.devopssim.mlgate.sim;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.time.SimulatedClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A chaos step on the simulated canary, as a rollout runs it before an analysis (the demo's
 * {@code slow-network}): a network latency fault on the canary, drawn between 20 and 60 ms, for
 * {@link #FAULT}; probes on the canary's error rate (at most {@link #MAX_ERROR_RATE}) and p99 latency (at most
 * {@link #MAX_P99_MS}) over the last 30 s, every {@link #INTERVAL}, three times before the fault, during it, and after it until
 * every probe holds again or {@link #RECOVERY_TIMEOUT} passed. A probe that does not hold before the fault means
 * nothing is started (NOT_STEADY). The result is what plugin-chaos' engine gives for such an experiment.
 *
 * <p>A {@link FaultKind#FRAGILE} release fails {@code size} more of its requests while the fault is in force
 * (timeouts without retries), and half as many for 10 to 50 s after it (slow recovery, over before the analysis that follows); in steady state
 * it is as healthy as its baseline, so only the chaos evidence can tell.
 */
final class SimulatedChaos {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration FAULT = Duration.ofMinutes(1);
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(1);
    static final double MAX_ERROR_RATE = 0.02;
    static final double MAX_P99_MS = 500;
    /** A probe reads the last 30 s (three samples), like {@code avg_over_time(...[30s])}: one 10 s sample of a small canary is a few dozen requests. */
    static final int PROBE_SAMPLES = 3;
    private static final int CHECKS_BEFORE = 3;

    private SimulatedChaos() {
    }

    /** The result, and when the experiment ended: the analysis that follows starts there. */
    record Experiment(ChaosResult result, Instant ended) {
    }

    /**
     * Runs the experiment from the clock's now, leaving the clock at or after its end (the fleet is simulated
     * through the whole recovery limit). The canary carries {@code release} before, during and after.
     */
    static Experiment run(FleetSimulator fleet, SimulatedClock clock, RegressionSpec release, FaultKind kind, double size,
                           SplittableRandom random, long seed) {
        double latencyMs = 20 + 40 * random.nextDouble();
        long lingerSeconds = 10 + random.nextInt(41);
        double fragileErrors = kind == FaultKind.FRAGILE ? size : 0;
        Instant start = clock.now();
        Instant faultStart = start.plus(INTERVAL.multipliedBy(CHECKS_BEFORE));
        Instant halt = faultStart.plus(FAULT);
        Instant deadline = halt.plus(RECOVERY_TIMEOUT);

        clock.advanceTo(faultStart);
        List<ProbePoint> errorPoints = new ArrayList<>();
        List<ProbePoint> p99Points = new ArrayList<>();
        String id = "sim-" + seed + "-chaos";
        List<Sample> errorsBefore = canary(fleet, StandardMetrics.ERROR_RATE, start, faultStart);
        List<Sample> p99Before = canary(fleet, StandardMetrics.LATENCY_P99_MS, start, faultStart);
        for (int i = 0; i < errorsBefore.size(); i++) {
            boolean held = check(errorsBefore.get(i), MAX_ERROR_RATE, ProbePoint.Stage.BEFORE, errorPoints)
                    & check(p99Before.get(i), MAX_P99_MS, ProbePoint.Stage.BEFORE, p99Points);
            if (!held) {
                // nothing is injected into a system that is not in its steady state
                return new Experiment(new ChaosResult(id, ChaosResult.Outcome.NOT_STEADY, false, null, 0,
                        probes(errorPoints, p99Points)), errorsBefore.get(i).time().plus(INTERVAL));
            }
        }

        double latencyFactor = 1 + latencyMs / fleet.model().latencyMedianMs();
        fleet.setRegression(new RegressionSpec(Math.min(1, release.errorRateDelta() + fragileErrors),
                release.latencyFactor() * latencyFactor, release.cpuFactor()));
        clock.advanceTo(halt);
        if (fragileErrors > 0) {
            fleet.setRegression(new RegressionSpec(Math.min(1, release.errorRateDelta() + fragileErrors / 2),
                    release.latencyFactor(), release.cpuFactor()));
            clock.advanceTo(halt.plusSeconds(lingerSeconds));
        }
        fleet.setRegression(release);
        clock.advanceTo(deadline.plus(INTERVAL));

        // from the start, so that the first checks during the fault average over the samples before it too
        List<Sample> errors = canary(fleet, StandardMetrics.ERROR_RATE, start, deadline.plus(INTERVAL));
        List<Sample> p99 = canary(fleet, StandardMetrics.LATENCY_P99_MS, start, deadline.plus(INTERVAL));
        errors = errors.subList(CHECKS_BEFORE, errors.size());
        p99 = p99.subList(CHECKS_BEFORE, p99.size());
        int broken = 0;
        int checks = 0;
        Duration recovered = null;
        Instant end = deadline;
        for (int i = 0; i < errors.size(); i++) {
            Instant t = errors.get(i).time();
            ProbePoint.Stage stage = t.isBefore(halt) ? ProbePoint.Stage.DURING : ProbePoint.Stage.AFTER;
            boolean held = check(errors.get(i), MAX_ERROR_RATE, stage, errorPoints) & check(p99.get(i), MAX_P99_MS, stage, p99Points);
            checks++;
            broken += held ? 0 : 1;
            if (stage == ProbePoint.Stage.AFTER && held) {
                recovered = Duration.between(halt, t);
                end = t;
                break;
            }
        }
        double burned = checks == 0 ? 0 : (double) broken / checks;
        boolean duringHeld = errorPoints.stream().filter(p -> p.stage() == ProbePoint.Stage.DURING).allMatch(ProbePoint::held)
                && p99Points.stream().filter(p -> p.stage() == ProbePoint.Stage.DURING).allMatch(ProbePoint::held);
        return new Experiment(new ChaosResult(id, ChaosResult.Outcome.COMPLETED, duringHeld && recovered != null, recovered,
                burned, probes(errorPoints, p99Points)), end.plus(INTERVAL));
    }

    private static boolean check(Sample s, double max, ProbePoint.Stage stage, List<ProbePoint> into) {
        boolean held = Double.isFinite(s.value()) && s.value() <= max;
        into.add(new ProbePoint(s.time(), stage, s.value(), held));
        return held;
    }

    private static List<ProbeSeries> probes(List<ProbePoint> errors, List<ProbePoint> p99) {
        return List.of(new ProbeSeries("canary-errors", errors), new ProbeSeries("canary-p99", p99));
    }

    /** Each check's value: the mean of the canary's last {@link #PROBE_SAMPLES} samples, as a probe's range query gives. */
    private static List<Sample> canary(FleetSimulator fleet, String metric, Instant from, Instant to) {
        try {
            List<Sample> raw = fleet.fetch(new MetricQuery(metric, from, to, INTERVAL)).canary();
            List<Sample> smoothed = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                double sum = 0;
                int n = 0;
                for (int j = Math.max(0, i - PROBE_SAMPLES + 1); j <= i; j++) {
                    sum += raw.get(j).value();
                    n++;
                }
                smoothed.add(new Sample(raw.get(i).time(), sum / n));
            }
            return smoothed;
        } catch (MetricsUnavailableException e) {
            throw new IllegalStateException("the simulator has no " + metric, e);
        }
    }
}
