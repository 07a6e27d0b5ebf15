package io.devopssim.deploy.jenkins;

import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutException;

/** The part of a strategy's engine that a rollout step drives (the canary engine's start/advance/abort). */
interface RolloutDriver {
    /** Begins, or loads the saved state (a resume). */
    RolloutState start() throws RolloutException;

    /** Runs every transition due now; returns the state to wait on. */
    RolloutState advance() throws RolloutException;

    /** Asks for the stable version back; the next advance makes the rollback. */
    RolloutState abort(String reason) throws RolloutException;
}
