package io.devopssim.chaos;

import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks every probe of a hypothesis once. A probe that cannot measure does not hold. */
final class ProbeChecker {
    /** Finest step a metric probe asks for: the simulator's and a typical Prometheus scrape interval. */
    static final Duration MAX_STEP = Duration.ofSeconds(10);

    private final MetricsProvider metrics;
    private final HttpProber http;

    ProbeChecker(MetricsProvider metrics, HttpProber http) {
        this.metrics = metrics;
        this.http = http;
    }

    /** One point per probe, in the hypothesis' order. */
    Map<String, ProbePoint> check(ExperimentSpec.Hypothesis hypothesis, Instant now, ProbePoint.Stage stage) {
        Map<String, ProbePoint> points = new LinkedHashMap<>();
        for (ProbeSpec probe : hypothesis.probes()) {
            double value = probe instanceof ProbeSpec.MetricProbe m
                    ? metricValue(m, now, hypothesis.interval())
                    : httpStatus((ProbeSpec.HttpProbe) probe);
            boolean held = probe instanceof ProbeSpec.MetricProbe m
                    ? m.holds(value)
                    : value == ((ProbeSpec.HttpProbe) probe).expectStatus();
            points.put(probe.name(), new ProbePoint(now, stage, value, held));
        }
        return points;
    }

    /** The mean of the last interval's samples; NaN when there are none or the source fails. */
    private double metricValue(ProbeSpec.MetricProbe probe, Instant now, Duration interval) {
        Duration step = interval.compareTo(MAX_STEP) < 0 ? interval : MAX_STEP;
        try {
            CanaryBaseline series = metrics.fetch(new MetricQuery(probe.metric(), now.minus(interval), now.plusMillis(1), step));
            List<Sample> samples = probe.side() == ProbeSpec.Side.CANARY ? series.canary() : series.baseline();
            return samples.stream().mapToDouble(Sample::value).average().orElse(Double.NaN);
        } catch (MetricsUnavailableException e) {
            return Double.NaN;
        }
    }

    private double httpStatus(ProbeSpec.HttpProbe probe) {
        try {
            return http.status(probe.url(), probe.timeout());
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
