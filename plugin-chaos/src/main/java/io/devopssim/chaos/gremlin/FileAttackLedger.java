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
 * One file per experiment, one event per line ({@link LedgerLines}), appended and forced to disk before
 * the call returns: a line is the smallest write that cannot be half-done in a way that loses an earlier one.
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
    public synchronized void intend(String experimentId, int index, String tag) throws IOException {
        append(experimentId, LedgerLines.intent(index, tag));
    }

    @Override
    public synchronized void record(String experimentId, String tag, String attackGuid) throws IOException {
        append(experimentId, LedgerLines.attack(tag, attackGuid));
    }

    @Override
    public synchronized Optional<List<LedgerEntry>> entries(String experimentId) throws IOException {
        Path file = fileOf(experimentId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(LedgerLines.parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
    }

    private void append(String experimentId, String line) throws IOException {
        begin(experimentId);
        Files.writeString(fileOf(experimentId), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    private Path fileOf(String experimentId) {
        if (!SAFE.matcher(experimentId).matches()) {
            throw new IllegalArgumentException("experiment id may hold only letters, digits, '.', '_' and '-': " + experimentId);
        }
        return dir.resolve(experimentId + ".attacks");
    }
}
