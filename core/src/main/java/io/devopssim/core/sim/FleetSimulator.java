package io.devopssim.core.sim;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;
import io.devopssim.core.traffic.CanaryScaler;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedded fleet on which a rollout runs without a cluster: a stable version and a canary share
 * {@link SimulationSpec#pods()} pods and the request traffic by the canary's weight, and report the
 * {@link StandardMetrics} per version. The canary carries the spec's regression, changeable at run
 * time (chaos).
 *
 * <p>Every weight and regression change is recorded with the clock's time, and a sample is a pure
 * function of the seed, the version, its instant and the state in force at that instant: queries
 * over the past return the same values whenever and in whatever order they are asked, and nothing is
 * returned from after the clock's now. Thread-safe.
 */
public final class FleetSimulator implements TrafficRouter, CanaryScaler, MetricsProvider {
    private final SimulationSpec spec;
    private final Clock clock;
    private final FleetModel model;
    private final SampleGenerator generator;
    private final Map<Version, TrafficCounters> counters = new EnumMap<>(Version.class);

    /** Replaced, never mutated, under the lock of {@code this}; read without it. */
    private volatile FleetHistory history;

    public FleetSimulator(SimulationSpec spec, Clock clock) {
        this(spec, clock, FleetModel.DEFAULT);
    }

    public FleetSimulator(SimulationSpec spec, Clock clock, FleetModel model) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.model = Objects.requireNonNull(model, "model");
        if (spec.pods() < 1 || spec.pods() > SimulationSpec.MAX_PODS) {
            throw new IllegalArgumentException("pods must be in 1.." + SimulationSpec.MAX_PODS + ", was " + spec.pods());
        }
        if (!(spec.requestsPerSecond() > 0) || Double.isInfinite(spec.requestsPerSecond())) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, was " + spec.requestsPerSecond());
        }
        requireValid(spec.canaryRegression());
        Instant origin = clock.now();
        this.history = FleetHistory.startingWith(new FleetState(origin, 0, spec.canaryRegression()));
        this.generator = new SampleGenerator(spec, model);
        for (Version version : Version.values()) {
            counters.put(version, new TrafficCounters(version, generator, origin));
        }
    }

    public SimulationSpec spec() {
        return spec;
    }

    public Clock clock() {
        return clock;
    }

    public FleetModel model() {
        return model;
    }

    @Override
    public synchronized void setCanaryWeight(int percent) throws TrafficRoutingException {
        if (percent < 0 || percent > 100) {
            throw new TrafficRoutingException("canary weight must be in 0..100, was " + percent);
        }
        FleetState latest = history.latest();
        if (latest.canaryWeight() != percent) {
            history = history.with(latest.withWeight(clock.now(), percent));
        }
    }

    @Override
    public int canaryWeight() {
        return history.latest().canaryWeight();
    }

    /**
     * Runs the canary at {@code scale} from now on, whatever its weight: its pod count changes (so its CPU per
     * pod), its share of requests does not. Setting the scale it has is a no-op.
     */
    @Override
    public synchronized void setCanaryScale(CanaryScale scale) {
        Objects.requireNonNull(scale, "scale");
        FleetState latest = history.latest();
        if (!latest.canaryScale().equals(scale)) {
            history = history.with(latest.withCanaryScale(clock.now(), scale));
        }
    }

    @Override
    public CanaryScale canaryScale() {
        return history.latest().canaryScale();
    }

    /** Gives the canary a new fault from now on (the past keeps the fault it had). */
    public synchronized void setRegression(RegressionSpec regression) {
        requireValid(regression);
        FleetState latest = history.latest();
        if (!latest.regression().equals(regression)) {
            history = history.with(latest.withRegression(clock.now(), regression));
        }
    }

    public RegressionSpec regression() {
        return history.latest().regression();
    }

    /** Every state the fleet has been in, oldest first; the first is the simulator's start. */
    public List<FleetState> history() {
        return history.states();
    }

    /**
     * Baseline and canary series at {@code step} spacing over [start, end), but only up to the clock's
     * now. A version has no sample at an instant when it took no traffic then: the canary at weight 0,
     * the stable version at weight 100. An error rate or a percentile needs requests to be measured on,
     * so it is missing too where a span had none.
     */
    @Override
    public CanaryBaseline fetch(MetricQuery query) throws MetricsUnavailableException {
        if (!StandardMetrics.ALL.contains(query.metric())) {
            throw new MetricsUnavailableException("the simulator has no metric \"" + query.metric() + "\" (known: "
                    + String.join(", ", StandardMetrics.ALL) + ")");
        }
        if (query.points() > MetricQuery.MAX_POINTS) {
            throw new MetricsUnavailableException("the window holds " + query.points() + " points at step "
                    + query.step() + "; at most " + MetricQuery.MAX_POINTS + " are served per series");
        }
        Instant now = clock.now();
        FleetHistory past = history;
        List<Sample> baseline = new ArrayList<>();
        List<Sample> canary = new ArrayList<>();
        for (Instant t = query.start(); t.isBefore(query.end()) && !t.isAfter(now); t = t.plus(query.step())) {
            addSample(baseline, Version.STABLE, t, past, query.metric());
            addSample(canary, Version.CANARY, t, past, query.metric());
        }
        return new CanaryBaseline(query.metric(), baseline, canary);
    }

    /** The version's standard metrics now; empty when it takes no traffic. */
    public Map<String, Double> currentSnapshot(Version version) {
        return sampleAt(version, clock.now()).map(VersionSample::values).orElse(Map.of());
    }

    /** The version's sample at {@code time}, if it had traffic then and {@code time} is not in the future. */
    public Optional<VersionSample> sampleAt(Version version, Instant time) {
        if (time.isAfter(clock.now())) {
            return Optional.empty();
        }
        return generator.sample(version, time, history, model.sampleSpan(), SampleRandom.SALT_SAMPLE);
    }

    /** Everything /metrics shows, read at one instant. */
    public FleetSnapshot snapshot() {
        Instant now = clock.now();
        FleetHistory past = history;
        FleetState state = past.at(now);
        Map<Version, FleetSnapshot.VersionSnapshot> versions = new EnumMap<>(Version.class);
        for (Version version : Version.values()) {
            versions.put(version, new FleetSnapshot.VersionSnapshot(
                    state.pods(version, spec.pods()),
                    generator.sample(version, now, past, model.sampleSpan(), SampleRandom.SALT_SAMPLE),
                    counters.get(version).advanceTo(now, past)));
        }
        return new FleetSnapshot(now, state.canaryWeight(), versions);
    }

    private void addSample(List<Sample> series, Version version, Instant t, FleetHistory past, String metric) {
        generator.sample(version, t, past, model.sampleSpan(), SampleRandom.SALT_SAMPLE)
                .ifPresent(sample -> sample.value(metric).ifPresent(v -> series.add(new Sample(t, v))));
    }

    private static void requireValid(RegressionSpec regression) {
        Objects.requireNonNull(regression, "regression");
        if (!(regression.errorRateDelta() >= 0 && regression.errorRateDelta() <= 1)) {
            throw new IllegalArgumentException("errorRateDelta must be in 0..1, was " + regression.errorRateDelta());
        }
        if (!(regression.latencyFactor() > 0) || Double.isInfinite(regression.latencyFactor())
                || !(regression.cpuFactor() > 0) || Double.isInfinite(regression.cpuFactor())) {
            throw new IllegalArgumentException("latencyFactor and cpuFactor must be positive: " + regression);
        }
    }
}
