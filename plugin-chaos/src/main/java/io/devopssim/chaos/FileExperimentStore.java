package io.devopssim.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.devopssim.core.state.Json;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One JSON file per experiment in a directory; written to a temporary file, then moved into place. */
public final class FileExperimentStore implements ExperimentStore {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String SUFFIX = ".chaos.json";

    private final Path dir;
    private final ObjectMapper json = Json.mapper();

    public FileExperimentStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public void save(ExperimentState state) throws IOException {
        Files.createDirectories(dir);
        Path target = fileOf(state.experimentId());
        Path tmp = Files.createTempFile(dir, ".chaos-", ".json.tmp");
        try {
            json.writeValue(tmp.toFile(), state);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<ExperimentState> load(String experimentId) throws IOException {
        Path file = fileOf(experimentId);
        return Files.exists(file) ? Optional.of(json.readValue(file.toFile(), ExperimentState.class)) : Optional.empty();
    }

    @Override
    public List<String> ids() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .forEach(n -> ids.add(n.substring(0, n.length() - SUFFIX.length())));
        }
        return ids;
    }

    private Path fileOf(String experimentId) {
        if (!SAFE_ID.matcher(experimentId).matches()) {
            throw new IllegalArgumentException("experiment id may hold only letters, digits, '.', '_' and '-': " + experimentId);
        }
        return dir.resolve(experimentId + SUFFIX);
    }
}
