package io.devopssim.core.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a rollout needs to resume after a restart. Saved after every transition; immutable, each
 * transition makes a new one.
 *
 * @param rolloutId    stable id: the trailers of its commits carry it
 * @param specDigest   digest of the spec it runs, so a resume with a different spec is refused
 * @param stableValue  the environment repository's value when the rollout began: what a rollback restores
 * @param phase        where it is
 * @param stepIndex    the next step to run (or the step being waited on)
 * @param weight       canary weight the router was last told
 * @param waitingSince when the current pause or analysis window began, or null
 * @param waitUntil    nothing to do before this time, or null
 * @param attempts     failed attempts at the current commit (promotion or rollback)
 * @param outcome      why a rollback or failure happened (verdict and reason), or null
 * @param events       the timeline, oldest first
 */
public record RolloutState(String rolloutId, String specDigest, String stableValue, RolloutPhase phase, int stepIndex, int weight,
                           Instant waitingSince, Instant waitUntil, int attempts, String outcome,
                           List<RolloutEvent> events) {
    public RolloutState {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(phase, "phase");
        events = List.copyOf(events);
    }

    public static RolloutState initial(String rolloutId, String specDigest, String stableValue) {
        return new RolloutState(rolloutId, specDigest, stableValue, RolloutPhase.PROGRESSING, 0, 0, null, null, 0, null, List.of());
    }

    public RolloutState withEvent(RolloutEvent e) {
        List<RolloutEvent> more = new ArrayList<>(events);
        more.add(e);
        return new RolloutState(rolloutId, specDigest, stableValue, phase, stepIndex, e.weight(), waitingSince, waitUntil, attempts,
                outcome, more);
    }

    public RolloutState withPhase(RolloutPhase p) {
        return new RolloutState(rolloutId, specDigest, stableValue, p, stepIndex, weight, waitingSince, waitUntil, attempts, outcome,
                events);
    }

    public RolloutState withOutcome(String why) {
        return new RolloutState(rolloutId, specDigest, stableValue, phase, stepIndex, weight, waitingSince, waitUntil, attempts, why,
                events);
    }

    public RolloutState nextStep() {
        return new RolloutState(rolloutId, specDigest, stableValue, phase, stepIndex + 1, weight, null, null, 0, outcome, events);
    }

    public RolloutState waiting(Instant since, Instant until) {
        return new RolloutState(rolloutId, specDigest, stableValue, phase, stepIndex, weight, since, until, attempts, outcome,
                events);
    }

    public RolloutState retryAt(Instant until) {
        return new RolloutState(rolloutId, specDigest, stableValue, phase, stepIndex, weight, waitingSince, until, attempts + 1,
                outcome, events);
    }

    public RolloutState notWaiting() {
        return new RolloutState(rolloutId, specDigest, stableValue, phase, stepIndex, weight, waitingSince, null, attempts, outcome,
                events);
    }
}
