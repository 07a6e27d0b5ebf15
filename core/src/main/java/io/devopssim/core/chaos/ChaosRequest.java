package io.devopssim.core.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a backend is asked to inject.
 *
 * @param experimentId unique per run; a backend uses it to make start and halt idempotent
 * @param target       what to hit
 * @param faults       the faults, all at once
 * @param duration     how long the faults last; a backend that can end them itself is given this as a
 *                     dead man's switch, so they end even if nobody halts them
 * @param ramp         time over which the faults grow to full strength (zero: at once); backends that
 *                     cannot ramp apply them at full strength and say so in their documentation
 */
public record ChaosRequest(String experimentId, ChaosTarget target, List<Fault> faults, Duration duration,
                           Duration ramp) {
    public ChaosRequest {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(target, "target");
        faults = List.copyOf(faults);
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("an experiment injects at least one fault");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (ramp.isNegative() || ramp.compareTo(duration) > 0) {
            throw new IllegalArgumentException("ramp must be in 0.." + duration + ": " + ramp);
        }
    }
}
