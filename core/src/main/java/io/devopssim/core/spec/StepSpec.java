package io.devopssim.core.spec;

import java.time.Duration;

/** One step of a canary (or of a hybrid's canary phase), written in YAML as a single-key map (as in Argo Rollouts). */
public sealed interface StepSpec {

    /** {@code - setWeight: 20}: send that percentage of requests to the canary. */
    record SetWeight(int weight) implements StepSpec {
    }

    /**
     * {@code - pause: {duration: 2m}}: wait, holding no thread. {@code - pause: {}}: wait until a person
     * approves (or aborts); {@code duration} is then null.
     */
    record Pause(Duration duration) implements StepSpec {
        public boolean untilApproved() {
            return duration == null;
        }
    }

    /** {@code - analysis: {window: 5m}}: let the window elapse, then judge it. */
    record Analysis(Duration window) implements StepSpec {
    }

    /**
     * {@code - chaos: {...experiment...}}: run a chaos experiment against the canary; a broken steady-state
     * hypothesis rolls the release back.
     *
     * @param name       the experiment's name, for logs
     * @param experiment the experiment as YAML, in plugin-chaos's format
     */
    record Chaos(String name, String experiment) implements StepSpec {
    }

    /**
     * {@code - setCanaryScale: {replicas: 3}} (or {@code {weight: 20}}, or {@code {matchTrafficWeight: true}}):
     * run the canary at that scale whatever its traffic weight, as in Argo Rollouts. {@code {forecast:
     * {requestsPerReplica: 50}}}: from here on, size it for its share of the service's forecast request rate.
     */
    record SetCanaryScale(CanaryScale scale) implements StepSpec {
    }
}
