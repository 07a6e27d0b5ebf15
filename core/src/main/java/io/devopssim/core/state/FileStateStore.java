package io.devopssim.core.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One JSON file per rollout in a directory, written atomically. */
public final class FileStateStore implements StateStore {
    private final JsonFileDirectory<RolloutState> files;

    public FileStateStore(Path dir) {
        this.files = new JsonFileDirectory<>(dir, ".json", RolloutState.class, "rollout id");
    }

    @Override
    public void save(RolloutState state) throws IOException {
        files.write(state.rolloutId(), state);
    }

    @Override
    public Optional<RolloutState> load(String rolloutId) throws IOException {
        return files.read(rolloutId);
    }
}
