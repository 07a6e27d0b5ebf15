package io.devopssim.mlgate.sim;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Labelled canary analyses from the embedded fleet, shared by training, tests and the bench. Each release
 * runs its canary at {@link #CANARY_WEIGHT}% for {@link #WINDOW}, the analysis step before 25%: a fault
 * caught here is caught before the canary passes 25% of the traffic.
 *
 * <p>Everything but the fault is drawn from the seed: traffic between 50 and 400 requests per second, the
 * time of day (the simulator's traffic follows a daily curve), the pod count.
 */
public final class SimulatedReleases {
    public static final int CANARY_WEIGHT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final Duration STEP = Duration.ofSeconds(10);
    /** Analyses start on this day; the seed picks the minute. */
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final List<String> METRICS = List.of(StandardMetrics.ERROR_RATE, StandardMetrics.LATENCY_P50_MS,
            StandardMetrics.LATENCY_P99_MS, StandardMetrics.CPU_CORES, StandardMetrics.MEMORY_MIB,
            StandardMetrics.REQUEST_RATE);

    private SimulatedReleases() {
    }

    /** The release of {@code seed} with the given fault, without a chaos step. */
    public static SimulatedRelease simulate(long seed, FaultKind kind, double size) {
        return simulate(seed, kind, size, false);
    }

    /**
     * The release of {@code seed} with the given fault; with {@code chaos}, a chaos experiment on the canary at
     * {@link #CANARY_WEIGHT}% ({@link SimulatedChaos}) comes before the analysis window, whose input then carries
     * its result. A {@link FaultKind#FRAGILE} release needs the chaos step (without one it is not a release the
     * window could tell from a healthy one).
     */
    public static SimulatedRelease simulate(long seed, FaultKind kind, double size, boolean chaos) {
        if (kind == FaultKind.FRAGILE && !chaos) {
            throw new IllegalArgumentException("a fragile release shows only under a chaos step");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double rps = 50 + 350 * random.nextDouble();
        int pods = 10 + random.nextInt(11);
        Instant start = DAY.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
        SimulatedClock clock = new SimulatedClock(start);
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(seed, pods, rps, kind.regression(size)), clock);
        try {
            // the stable version has served alone for a while, as before a real rollout
            clock.advance(Duration.ofMinutes(10));
            fleet.setCanaryWeight(CANARY_WEIGHT);
        } catch (TrafficRoutingException e) {
            throw new IllegalStateException("the simulator refused weight " + CANARY_WEIGHT, e);
        }
        ChaosResult chaosResult = null;
        Instant windowStart = clock.now();
        if (chaos) {
            // the analysis starts when the experiment ends (the fleet may be simulated further already)
            SimulatedChaos.Experiment e = SimulatedChaos.run(fleet, clock, kind.regression(size), kind, size, random, seed);
            chaosResult = e.result();
            windowStart = e.ended();
        }
        Instant windowEnd = windowStart.plus(WINDOW);
        clock.advanceTo(windowEnd);
        Map<String, CanaryBaseline> series = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String metric : METRICS) {
            try {
                series.put(metric, fleet.fetch(new MetricQuery(metric, windowStart, windowEnd, STEP)));
            } catch (MetricsUnavailableException e) {
                unavailable.put(metric, e.getMessage());
            }
        }
        return new SimulatedRelease(seed, kind, size, kind.regression(size),
                new AnalysisInput(windowStart, windowEnd, series, unavailable, chaosResult));
    }

    /**
     * A training or evaluation mix: half healthy, the other half split over error, latency and CPU faults
     * with sizes drawn uniformly from {@code sizes}; a third of the releases run a chaos step before their
     * analysis, and half of the healthy ones among those are {@link FaultKind#FRAGILE} instead. Deterministic per
     * seed range (the releases without chaos are those the mix gave before chaos steps were added).
     */
    public static List<SimulatedRelease> mix(SeedRange seeds, int count, FaultSizes sizes) {
        if (count > seeds.count()) {
            throw new IllegalArgumentException(count + " releases need more than the " + seeds.count() + " seeds given");
        }
        List<SimulatedRelease> releases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long seed = seeds.seed(i);
            SplittableRandom pick = new SplittableRandom(seed ^ 0x5DEECE66DL);
            FaultKind kind = pick.nextBoolean() ? FaultKind.HEALTHY : FaultKind.values()[1 + pick.nextInt(3)];
            double size = sizes.draw(kind, pick);
            boolean chaos = pick.nextInt(3) == 0;
            if (chaos && kind == FaultKind.HEALTHY && pick.nextBoolean()) {
                kind = FaultKind.FRAGILE;
                size = sizes.draw(kind, pick);
            }
            releases.add(simulate(seed, kind, size, chaos));
        }
        return releases;
    }

    /** Every release of {@code kind} and {@code size} on {@code count} consecutive seeds. */
    public static List<SimulatedRelease> fixed(SeedRange seeds, int count, FaultKind kind, double size) {
        List<SimulatedRelease> releases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            releases.add(simulate(seeds.seed(i), kind, size));
        }
        return releases;
    }

    /**
     * Ranges of fault sizes to draw from, per kind: {@code [min, max]} of the error-rate delta, of the
     * latency and CPU factors, and of a fragile release's error-rate delta under chaos.
     */
    public record FaultSizes(double errorMin, double errorMax, double latencyMin, double latencyMax,
                             double cpuMin, double cpuMax, double fragileMin, double fragileMax) {
        /** From faults a user would want caught but a threshold might miss, up to outright breakage. */
        public static final FaultSizes TRAINING = new FaultSizes(0.003, 0.05, 1.15, 2.5, 1.2, 3.0, 0.005, 0.1);

        double draw(FaultKind kind, SplittableRandom random) {
            return switch (kind) {
                case HEALTHY -> 0;
                case ERROR -> errorMin + (errorMax - errorMin) * random.nextDouble();
                case LATENCY -> latencyMin + (latencyMax - latencyMin) * random.nextDouble();
                case CPU -> cpuMin + (cpuMax - cpuMin) * random.nextDouble();
                case FRAGILE -> fragileMin + (fragileMax - fragileMin) * random.nextDouble();
            };
        }
    }
}
