package io.devopssim.chaos;

import io.devopssim.core.state.JsonFileDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One JSON file per experiment in a directory, written atomically. */
public final class FileExperimentStore implements ExperimentStore {
    private final JsonFileDirectory<ExperimentState> files;

    public FileExperimentStore(Path dir) {
        this.files = new JsonFileDirectory<>(dir, ".chaos.json", ExperimentState.class, "experiment id");
    }

    @Override
    public void save(ExperimentState state) throws IOException {
        files.write(state.experimentId(), state);
    }

    @Override
    public Optional<ExperimentState> load(String experimentId) throws IOException {
        return files.read(experimentId);
    }

    @Override
    public List<String> ids() throws IOException {
        return files.ids();
    }
}
