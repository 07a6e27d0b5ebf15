package io.devopssim.deploy.release;

import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.deploy.RolloutException;

import java.io.IOException;
import java.util.Optional;

/** Loading and saving a release's state, with the engine's one-sentence errors. */
final class States {
    private States() {
    }

    static Optional<RolloutState> load(StateStore store, String id) throws RolloutException {
        try {
            return store.load(id);
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of " + id + ": " + e.getMessage(), e);
        }
    }

    static RolloutState save(StateStore store, RolloutState s) throws RolloutException {
        try {
            store.save(s);
            return s;
        } catch (IOException e) {
            throw new RolloutException("cannot save the state of " + s.rolloutId() + ": " + e.getMessage(), e);
        }
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }
}
