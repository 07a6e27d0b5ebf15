package io.devopssim.chaos;

import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A chaos experiment, validated (read one with {@link ExperimentReader}).
 *
 * @param name       a DNS label naming the experiment
 * @param target     what the faults hit
 * @param faults     injected together
 * @param duration   how long the faults stay in force
 * @param ramp       time over which they grow to full strength (zero: at once)
 * @param hypothesis the steady state checked before, during and after
 * @param abort      when to halt early
 */
public record ExperimentSpec(String name, ChaosTarget target, List<Fault> faults, Duration duration, Duration ramp,
                             Hypothesis hypothesis, AbortPolicy abort) {

    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        faults = List.copyOf(faults);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(ramp, "ramp");
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(abort, "abort");
    }

    /**
     * @param probes          checked together, at every check
     * @param interval        time between checks while the faults are in force
     * @param recoveryTimeout how long after the halt the steady state may take to come back
     */
    public record Hypothesis(List<ProbeSpec> probes, Duration interval, Duration recoveryTimeout) {
        public Hypothesis {
            probes = List.copyOf(probes);
        }
    }

    /**
     * @param afterFailedChecks halt once this many checks in a row found the steady state broken while
     *                          the faults were in force
     */
    public record AbortPolicy(int afterFailedChecks) {
        public static final AbortPolicy DEFAULT = new AbortPolicy(2);

        public AbortPolicy {
            if (afterFailedChecks < 1) {
                throw new IllegalArgumentException("afterFailedChecks must be positive: " + afterFailedChecks);
            }
        }
    }
}
