package io.devopssim.chaos;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** For the CLI and tests: states live as long as the store. */
public final class InMemoryExperimentStore implements ExperimentStore {
    private final ConcurrentMap<String, ExperimentState> states = new ConcurrentHashMap<>();

    @Override
    public void save(ExperimentState state) {
        states.put(state.experimentId(), state);
    }

    @Override
    public Optional<ExperimentState> load(String experimentId) {
        return Optional.ofNullable(states.get(experimentId));
    }

    @Override
    public List<String> ids() {
        return List.copyOf(states.keySet());
    }
}
