package io.devopssim.core.chaos;

import java.time.Instant;
import java.util.Objects;

/**
 * One check of one probe.
 *
 * @param time  when it was checked
 * @param stage before, during or after the faults
 * @param value what was measured (a metric value, an HTTP status); NaN when nothing could be measured
 * @param held  whether the steady state held; a probe that could not measure did not hold
 */
public record ProbePoint(Instant time, Stage stage, double value, boolean held) {
    public enum Stage {
        BEFORE, DURING, AFTER
    }

    public ProbePoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stage, "stage");
    }
}
