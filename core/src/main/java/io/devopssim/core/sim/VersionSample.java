package io.devopssim.core.sim;

import io.devopssim.core.metrics.StandardMetrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one version did around one instant, over {@link FleetModel#sampleSpan()}.
 *
 * @param version         which version
 * @param time            the sample's instant
 * @param pods            pods running the version
 * @param requestRate     requests per second it served
 * @param requests        requests in the span
 * @param errors          failed requests in the span
 * @param latency         the latency distribution in force, in milliseconds
 * @param latencyP50Ms    the median measured over the span's requests (noisier when they are few)
 * @param latencyP99Ms    the 99th percentile measured likewise
 * @param cpuCoresPerPod  mean CPU per pod
 * @param memoryMibPerPod mean resident memory per pod
 */
public record VersionSample(Version version, Instant time, int pods, double requestRate, long requests, long errors,
                            LogNormal latency, double latencyP50Ms, double latencyP99Ms,
                            double cpuCoresPerPod, double memoryMibPerPod) {

    /**
     * The value of a standard metric, or empty when the span had no request to measure it on
     * (no data is not zero: a judge must see it as missing).
     */
    public OptionalDouble value(String metric) {
        boolean measured = requests > 0;
        return switch (metric) {
            case StandardMetrics.REQUEST_RATE -> OptionalDouble.of(requestRate);
            case StandardMetrics.CPU_CORES -> OptionalDouble.of(cpuCoresPerPod);
            case StandardMetrics.MEMORY_MIB -> OptionalDouble.of(memoryMibPerPod);
            case StandardMetrics.ERROR_RATE -> measured ? OptionalDouble.of((double) errors / requests) : OptionalDouble.empty();
            case StandardMetrics.LATENCY_P50_MS -> measured ? OptionalDouble.of(latencyP50Ms) : OptionalDouble.empty();
            case StandardMetrics.LATENCY_P99_MS -> measured ? OptionalDouble.of(latencyP99Ms) : OptionalDouble.empty();
            default -> throw new IllegalArgumentException("unknown metric " + metric + " (known: "
                    + String.join(", ", StandardMetrics.ALL) + ")");
        };
    }

    /** Every standard metric that has a value, in {@link StandardMetrics#ALL} order. */
    public Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String metric : StandardMetrics.ALL) {
            value(metric).ifPresent(v -> values.put(metric, v));
        }
        return values;
    }
}
