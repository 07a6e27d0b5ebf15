package io.devopssim.mlgate.judge;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test series: seeded noise around a level, and inputs built from them. */
final class Series {
    static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    private Series() {
    }

    static double[] noisy(long seed, int n, double level, double relativeNoise) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level * (1 + relativeNoise * random.nextGaussian());
        }
        return values;
    }

    static List<Sample> samples(double... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(START.plusSeconds(10L * i), values[i]));
        }
        return samples;
    }

    static CanaryBaseline pair(String metric, double[] baseline, double[] canary) {
        return new CanaryBaseline(metric, samples(baseline), samples(canary));
    }

    static AnalysisInput input(CanaryBaseline... pairs) {
        Map<String, CanaryBaseline> series = new LinkedHashMap<>();
        Arrays.stream(pairs).forEach(p -> series.put(p.metric(), p));
        return new AnalysisInput(START, START.plusSeconds(300), series, Map.of());
    }

    static double[] nans(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
