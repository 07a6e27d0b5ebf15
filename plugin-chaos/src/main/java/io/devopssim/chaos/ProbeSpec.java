package io.devopssim.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** One check of the steady-state hypothesis. */
public sealed interface ProbeSpec {

    /** Unique within an experiment; names the probe's series in the result. */
    String name();

    /** Which version a metric probe reads. */
    enum Side {
        CANARY, BASELINE
    }

    /**
     * Holds while the metric's mean over the last check interval stays within [min, max] (either may be
     * null, not both). A window with no data does not hold: missing data is never a pass.
     */
    record MetricProbe(String name, String metric, Double max, Double min, Side side) implements ProbeSpec {
        public MetricProbe {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(side, "side");
            if (max == null && min == null) {
                throw new IllegalArgumentException("a metric probe needs max or min");
            }
        }

        boolean holds(double value) {
            return !Double.isNaN(value) && (max == null || value <= max) && (min == null || value >= min);
        }
    }

    /** Holds when a GET of {@code url} answers {@code expectStatus} within {@code timeout}. */
    record HttpProbe(String name, URI url, int expectStatus, Duration timeout) implements ProbeSpec {
        public HttpProbe {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
