package io.devopssim.core.metrics;

import java.util.List;

/** Names of the metrics every provider serves for baseline and canary. */
public final class StandardMetrics {
    /** Share of requests that failed, 0..1. */
    public static final String ERROR_RATE = "error_rate";
    /** Median latency in milliseconds. */
    public static final String LATENCY_P50_MS = "latency_p50_ms";
    /** 99th percentile latency in milliseconds. */
    public static final String LATENCY_P99_MS = "latency_p99_ms";
    /** CPU in cores per pod. */
    public static final String CPU_CORES = "cpu_cores";
    /** Resident memory per pod in MiB. */
    public static final String MEMORY_MIB = "memory_mib";
    /** Requests per second served by the version. */
    public static final String REQUEST_RATE = "request_rate";

    public static final List<String> ALL =
            List.of(ERROR_RATE, LATENCY_P50_MS, LATENCY_P99_MS, CPU_CORES, MEMORY_MIB, REQUEST_RATE);

    private StandardMetrics() {
    }
}
