package io.devopssim.core.sim;

import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a version's sample at an instant. A pure function of the seed, the version, the instant,
 * the state in force then (weight, regression) and how long the version's pods had been up: the same
 * arguments give the same sample, whatever was asked before.
 */
final class SampleGenerator {
    /** Standard error of a sample median, in units of sigma / sqrt(n): sqrt(pi / 2). */
    private static final double MEDIAN_SE = 1.2533141373155003;
    /** Standard error of a sample 99th percentile of a normal: sqrt(0.99 * 0.01) / phi(z99). */
    private static final double P99_SE = 3.7328;

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final SimulationSpec spec;
    private final FleetModel model;

    SampleGenerator(SimulationSpec spec, FleetModel model) {
        this.spec = spec;
        this.model = model;
    }

    /**
     * The traffic of the one second starting at {@code second}, as counters add it up; empty when the
     * version had no traffic then. Each request falls in a latency bucket by a multinomial draw, so the
     * histogram has a real tail (rounding expected counts would lose the rare slow requests).
     */
    Optional<TrafficTotals> oneSecond(Version version, Instant second, FleetHistory history) {
        return sample(version, second, history, ONE_SECOND, SampleRandom.SALT_COUNTER).map(traffic -> {
            SampleRandom random = SampleRandom.of(spec.seed(), version, second, history.at(second).canaryWeight(),
                    SampleRandom.SALT_HISTOGRAM);
            List<Long> buckets = new ArrayList<>(TrafficTotals.BUCKET_BOUNDS_SECONDS.size());
            long unplaced = traffic.requests();
            long cumulative = 0;
            double below = 0;
            for (double bound : TrafficTotals.BUCKET_BOUNDS_SECONDS) {
                double within = traffic.latency().cdf(bound * 1_000);
                double unplacedProbability = 1 - below;
                // of the requests not in a lower bucket, the share that falls in this one
                double conditional = unplacedProbability <= 0 ? 0 : Math.min(1, (within - below) / unplacedProbability);
                long inBucket = random.binomial(unplaced, conditional);
                unplaced -= inBucket;
                cumulative += inBucket;
                below = within;
                buckets.add(cumulative);
            }
            double sumSeconds = traffic.requests() * traffic.latency().mean() / 1_000;
            return new TrafficTotals(traffic.requests(), traffic.errors(), sumSeconds, buckets);
        });
    }

    /** The sample, or empty when the version had no traffic at {@code t}. */
    Optional<VersionSample> sample(Version version, Instant t, FleetHistory history, Duration span, long salt) {
        FleetState state = history.at(t);
        double share = state.share(version);
        if (share == 0) {
            return Optional.empty();
        }
        SampleRandom random = SampleRandom.of(spec.seed(), version, t, state.canaryWeight(), salt);
        RegressionSpec regression = state.regressionOf(version);
        int pods = state.pods(version, spec.pods());
        double spanSeconds = span.toNanos() / 1e9;

        // Every fixed-count draw comes first and in a fixed order, so that a regression (which changes
        // values, not draws) leaves the noise of a sample unchanged: the fault is then the only difference.
        double trafficNoise = random.gaussian();
        double latencyJitter = random.gaussian();
        double p50Noise = random.gaussian();
        double p99Noise = random.gaussian();
        double cpuNoise = random.gaussian();
        double memoryNoise = random.gaussian();

        double requestRate = Math.max(0,
                spec.requestsPerSecond() * model.diurnal(t) * share * (1 + model.trafficNoise() * trafficNoise));
        long requests = random.stochasticRound(requestRate * spanSeconds);

        LogNormal latency = new LogNormal(
                Math.log(model.latencyMedianMs() * regression.latencyFactor()) + model.latencyJitter() * latencyJitter,
                model.latencySigma());
        double estimateScale = model.latencySigma() / Math.sqrt(Math.max(1, requests));
        double p50 = latency.median() * Math.exp(MEDIAN_SE * estimateScale * p50Noise);
        double p99 = Math.max(p50, latency.quantile(LogNormal.Z_99) * Math.exp(P99_SE * estimateScale * p99Noise));

        double cpu = Math.max(0, (model.cpuIdleCores() + model.cpuCoresPerRequest() * requestRate / pods)
                * regression.cpuFactor() * (1 + model.cpuNoise() * cpuNoise));

        double ageSeconds = Math.max(0, Duration.between(history.upSince(version, t), t).toMillis() / 1e3);
        double warmUp = 1 - Math.exp(-ageSeconds / model.memoryWarmUp().toSeconds());
        double memory = model.memoryBaseMib() * (1 + model.memoryGrowth() * warmUp) * (1 + model.memoryNoise() * memoryNoise);

        // The only draw whose count depends on the values: last, so it cannot shift the ones above.
        double errorProbability = Math.min(1, model.errorRate() + regression.errorRateDelta());
        long errors = random.binomial(requests, errorProbability);

        return Optional.of(new VersionSample(version, t, pods, requestRate, requests, errors,
                latency, p50, p99, cpu, memory));
    }
}
