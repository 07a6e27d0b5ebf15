package io.devopssim.chaos.gremlin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file per experiment, one attack id per line, appended and forced to disk as each attack is
 * created: a line is the smallest write that cannot be half-done in a way that loses an earlier one.
 */
public final class FileAttackLedger implements AttackLedger {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path dir;

    public FileAttackLedger(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized void begin(String experimentId) throws IOException {
        Files.createDirectories(dir);
        Path file = fileOf(experimentId);
        if (!Files.exists(file)) {
            Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.SYNC);
        }
    }

    @Override
    public synchronized void record(String experimentId, String attackGuid) throws IOException {
        begin(experimentId);
        Files.writeString(fileOf(experimentId), attackGuid + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    @Override
    public synchronized Optional<List<String>> attacks(String experimentId) throws IOException {
        Path file = fileOf(experimentId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
    }

    private Path fileOf(String experimentId) {
        if (!SAFE.matcher(experimentId).matches()) {
            throw new IllegalArgumentException("experiment id may hold only letters, digits, '.', '_' and '-': " + experimentId);
        }
        return dir.resolve(experimentId + ".attacks");
    }
}
