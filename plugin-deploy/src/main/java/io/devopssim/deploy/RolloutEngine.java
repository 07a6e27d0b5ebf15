package io.devopssim.deploy;

import io.devopssim.core.state.RolloutState;

/**
 * A rollout of any strategy as a resumable state machine, so the CLI and Jenkins drive them alike.
 * {@link #advance()} runs transitions until the rollout must wait (a pause, an analysis window, a retry) or
 * ends; it never sleeps, so no thread is held while a rollout waits: the caller calls it again at
 * {@link RolloutState#waitUntil()}. State is saved after every transition, and every side effect is safe to
 * repeat (a router ignores an unchanged weight, the promoter finds a commit already made by its trailers),
 * so a rollout stopped at any point and resumed from its saved state ends exactly as an uninterrupted one.
 */
public interface RolloutEngine {

    /**
     * Starts the rollout, or returns its saved state if it already started (a resume). Reads the value the
     * environment repository holds now: a rollback restores it.
     *
     * @throws RolloutException when the saved state belongs to another spec, the spec asks for something this
     *                          runtime cannot do, or the repository can't be read; nothing has happened then
     */
    RolloutState start() throws RolloutException;

    /** Runs every transition that is due now; returns the state to wait on (or the final state). */
    RolloutState advance() throws RolloutException;

    /** Asks for the stable version back; the rollback itself happens on the next {@link #advance()}. */
    RolloutState abort(String reason) throws RolloutException;
}
