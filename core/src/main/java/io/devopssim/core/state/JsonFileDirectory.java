package io.devopssim.core.state;

import com.fasterxml.jackson.databind.ObjectMapper;

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

/**
 * A directory of JSON documents, one file per id, each written to a temporary file and moved into place, so
 * that after a crash a file holds the old document or the new one, never a mix. What the state stores of
 * rollouts and chaos experiments share.
 *
 * @param <T> the document type (a record Jackson reads and writes)
 */
public final class JsonFileDirectory<T> {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path dir;
    private final String suffix;
    private final Class<T> type;
    private final String idName;
    private final ObjectMapper json = Json.mapper();

    /**
     * @param suffix file name ending, e.g. {@code .json}
     * @param idName what an id is called in errors, e.g. {@code rollout id}
     */
    public JsonFileDirectory(Path dir, String suffix, Class<T> type, String idName) {
        this.dir = dir;
        this.suffix = suffix;
        this.type = type;
        this.idName = idName;
    }

    public void write(String id, T document) throws IOException {
        Files.createDirectories(dir);
        Path target = fileOf(id);
        Path tmp = Files.createTempFile(dir, ".write-", ".tmp");
        try {
            json.writeValue(tmp.toFile(), document);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Optional<T> read(String id) throws IOException {
        Path file = fileOf(id);
        return Files.exists(file) ? Optional.of(json.readValue(file.toFile(), type)) : Optional.empty();
    }

    /** Every id with a document, in no particular order. */
    public List<String> ids() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix) && !n.startsWith("."))
                    .forEach(n -> ids.add(n.substring(0, n.length() - suffix.length())));
        }
        return ids;
    }

    /** Ids name files: nothing that could leave the directory. */
    private Path fileOf(String id) {
        if (!SAFE_ID.matcher(id).matches() || id.startsWith(".")) {
            throw new IllegalArgumentException(idName + " may hold only letters, digits, '.', '_' and '-': " + id);
        }
        return dir.resolve(id + suffix);
    }
}
