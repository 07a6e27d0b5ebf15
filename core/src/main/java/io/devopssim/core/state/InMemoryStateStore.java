package io.devopssim.core.state;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** For dry runs and benchmarks: state lives as long as the store. */
public final class InMemoryStateStore implements StateStore {
    private final ConcurrentMap<String, RolloutState> states = new ConcurrentHashMap<>();

    @Override
    public void save(RolloutState state) {
        states.put(state.rolloutId(), state);
    }

    @Override
    public Optional<RolloutState> load(String rolloutId) {
        return Optional.ofNullable(states.get(rolloutId));
    }
}
