package io.devopssim.core.state;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** One JSON file per rollout in a directory; written to a temporary file, then moved into place. */
public final class FileStateStore implements StateStore {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path dir;
    private final ObjectMapper json = Json.mapper();

    public FileStateStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public void save(RolloutState state) throws IOException {
        Files.createDirectories(dir);
        Path target = fileOf(state.rolloutId());
        Path tmp = Files.createTempFile(dir, ".state-", ".json.tmp");
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
    public Optional<RolloutState> load(String rolloutId) throws IOException {
        Path file = fileOf(rolloutId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(file.toFile(), RolloutState.class));
    }

    private Path fileOf(String rolloutId) {
        if (!SAFE_ID.matcher(rolloutId).matches()) {
            throw new IllegalArgumentException("rollout id may hold only letters, digits, '.', '_' and '-': " + rolloutId);
        }
        return dir.resolve(rolloutId + ".json");
    }
}
