package io.devopssim.core.spec;

import java.time.Duration;

/** One step of a canary, written in YAML as a single-key map (as in Argo Rollouts). */
public sealed interface StepSpec {

    /** {@code - setWeight: 20}: send that percentage of requests to the canary. */
    record SetWeight(int weight) implements StepSpec {
    }

    /** {@code - pause: {duration: 2m}}: wait, holding no thread. */
    record Pause(Duration duration) implements StepSpec {
    }

    /** {@code - analysis: {window: 5m}}: let the window elapse, then judge it. */
    record Analysis(Duration window) implements StepSpec {
    }
}
