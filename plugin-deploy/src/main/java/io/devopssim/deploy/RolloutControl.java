package io.devopssim.deploy;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;

import java.io.IOException;
import java.time.Instant;

/**
 * What a person does to a rollout from outside its engine (the build page, {@code devsim approve|abort}):
 * a recorded decision in the saved state, acted upon the next time the engine advances. Needs only the
 * state store, not the rollout's spec or cluster.
 */
public final class RolloutControl {
    private final StateStore store;

    public RolloutControl(StateStore store) {
        this.store = store;
    }

    /** Lets a rollout paused until approved go on. */
    public RolloutState approve(String rolloutId, String who, Instant now) throws RolloutException {
        RolloutState s = load(rolloutId);
        if (s.phase() != RolloutPhase.PAUSED) {
            throw new RolloutException("rollout " + rolloutId + " is not waiting for approval (it is "
                    + s.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        RolloutState next = s.withPhase(RolloutPhase.PROGRESSING).nextStep();
        return save(next.withEvent(new RolloutEvent(now, s.stepIndex(), Kind.APPROVED,
                "step " + (s.stepIndex() + 1) + " approved by " + who, s.weight(), null, null)));
    }

    /** Asks for the stable version back; the engine makes the rollback when it next advances. */
    public RolloutState abort(String rolloutId, String reason, Instant now) throws RolloutException {
        RolloutState s = load(rolloutId);
        if (s.phase().isTerminal() || s.phase() == RolloutPhase.ROLLING_BACK) {
            return s;
        }
        RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting().withOutcome("aborted: " + reason);
        return save(next.withEvent(new RolloutEvent(now, s.stepIndex(), Kind.ABORT_REQUESTED,
                "abort requested: " + reason, s.weight(), null, null)));
    }

    private RolloutState load(String rolloutId) throws RolloutException {
        try {
            return store.load(rolloutId).orElseThrow(() -> new RolloutException("no rollout " + rolloutId + " in this state store"));
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of rollout " + rolloutId + ": " + e.getMessage(), e);
        }
    }

    private RolloutState save(RolloutState s) throws RolloutException {
        try {
            store.save(s);
            return s;
        } catch (IOException e) {
            throw new RolloutException("cannot save the state of rollout " + s.rolloutId() + ": " + e.getMessage(), e);
        }
    }
}
