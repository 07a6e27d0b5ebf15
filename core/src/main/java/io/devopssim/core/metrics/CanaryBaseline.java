package io.devopssim.core.metrics;

import java.util.List;

/** The baseline (stable) and canary series of one metric over one window. */
public record CanaryBaseline(String metric, List<Sample> baseline, List<Sample> canary) {
    public CanaryBaseline {
        baseline = List.copyOf(baseline);
        canary = List.copyOf(canary);
    }
}
