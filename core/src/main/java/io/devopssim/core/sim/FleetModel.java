package io.devopssim.core.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * How a simulated version behaves when nothing is wrong with it. The defaults give a plausible small
 * web service: 0.5% errors, a 40 ms median and ~128 ms p99, a quarter of a core per pod at 20 req/s,
 * a 256 MiB heap that warms up by a quarter over the first half hour.
 *
 * @param errorRate            share of failed requests
 * @param latencyMedianMs      median request latency
 * @param latencySigma         shape of the log-normal latency (log-space standard deviation)
 * @param latencyJitter        log-space standard deviation of the median from one sample to the next
 * @param trafficNoise         relative standard deviation of the request rate from one sample to the next
 * @param diurnalAmplitude     relative swing of the request rate over a day (peak at 12:00 UTC)
 * @param cpuIdleCores         CPU a pod uses with no requests
 * @param cpuCoresPerRequest   CPU cores per request per second a pod serves
 * @param cpuNoise             relative standard deviation of CPU
 * @param memoryBaseMib        memory of a freshly started pod
 * @param memoryGrowth         relative growth of memory as the pod warms up (caches, JIT, heap)
 * @param memoryWarmUp         time constant of that growth
 * @param memoryNoise          relative standard deviation of memory
 * @param sampleSpan           what one sample of {@link FleetSimulator#fetch} observes (a scrape interval):
 *                             fewer requests in it make a noisier error rate and noisier percentiles
 */
public record FleetModel(double errorRate, double latencyMedianMs, double latencySigma, double latencyJitter,
                         double trafficNoise, double diurnalAmplitude, double cpuIdleCores,
                         double cpuCoresPerRequest, double cpuNoise, double memoryBaseMib, double memoryGrowth,
                         Duration memoryWarmUp, double memoryNoise, Duration sampleSpan) {

    public static final FleetModel DEFAULT = new FleetModel(0.005, 40, 0.5, 0.03, 0.03, 0.2, 0.05, 0.01, 0.05,
            256, 0.25, Duration.ofMinutes(30), 0.01, Duration.ofSeconds(10));

    private static final double SECONDS_PER_DAY = 86_400;
    /** The daily sinusoid peaks at noon UTC: a quarter-day phase shift of sin(). */
    private static final double PHASE_SECONDS = 6 * 3_600;

    public FleetModel {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be in 0..1: " + errorRate);
        }
        if (!(latencyMedianMs > 0 && latencySigma > 0)) {
            throw new IllegalArgumentException("latency median and sigma must be positive");
        }
        if (!(diurnalAmplitude >= 0 && diurnalAmplitude < 1)) {
            throw new IllegalArgumentException("diurnalAmplitude must be in [0, 1): " + diurnalAmplitude);
        }
        if (sampleSpan.isNegative() || sampleSpan.isZero() || memoryWarmUp.isNegative() || memoryWarmUp.isZero()) {
            throw new IllegalArgumentException("sampleSpan and memoryWarmUp must be positive");
        }
    }

    /** Multiplier of the fleet's request rate at {@code t}: a slow daily sinusoid around 1. */
    double diurnal(Instant t) {
        double seconds = t.getEpochSecond() + t.getNano() / 1e9;
        return 1 + diurnalAmplitude * Math.sin(2 * Math.PI * (seconds - PHASE_SECONDS) / SECONDS_PER_DAY);
    }
}
