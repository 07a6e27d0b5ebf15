package io.devopssim.deploy;

import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;

import java.io.IOException;
import java.util.Optional;

/**
 * A controller killed at a save: the store over a durable one dies on its n-th save, before writing, so the side
 * effect that preceded the save happened and its record did not. It counts the saves it let through.
 */
public final class CrashingStore implements StateStore {
    private final StateStore durable;
    private final int crashAt;
    private int saves;

    /** @param crashAt the save that dies, from 1 */
    public CrashingStore(StateStore durable, int crashAt) {
        this.durable = durable;
        this.crashAt = crashAt;
    }

    /** Never dies: counts how many saves an uninterrupted run makes. */
    public static CrashingStore counting(StateStore durable) {
        return new CrashingStore(durable, Integer.MAX_VALUE);
    }

    public int saves() {
        return saves;
    }

    @Override
    public void save(RolloutState state) throws IOException {
        if (saves + 1 == crashAt) {
            throw new Crash();
        }
        saves++;
        durable.save(state);
    }

    @Override
    public Optional<RolloutState> load(String rolloutId) throws IOException {
        return durable.load(rolloutId);
    }

    /** The controller's death, which no engine code catches. */
    public static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
