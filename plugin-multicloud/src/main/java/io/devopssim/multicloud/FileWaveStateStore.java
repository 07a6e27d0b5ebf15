package io.devopssim.multicloud;

import io.devopssim.core.state.JsonFileDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One JSON file per plan in a directory, written atomically (core's {@link JsonFileDirectory}). */
public final class FileWaveStateStore implements WaveStateStore {
    private final JsonFileDirectory<WaveRunState> files;

    public FileWaveStateStore(Path dir) {
        this.files = new JsonFileDirectory<>(dir, ".waves.json", WaveRunState.class, "plan id");
    }

    @Override
    public void save(WaveRunState state) throws IOException {
        files.write(state.planId(), state);
    }

    @Override
    public Optional<WaveRunState> load(String planId) throws IOException {
        return files.read(planId);
    }
}
