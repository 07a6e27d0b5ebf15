package io.devopssim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder devsim owns: made fresh for each run. A folder devsim did not make (no marker in it) is never
 * emptied: the user gets an error instead.
 */
final class OutputFolder {
    private static final String MARKER = ".devsim-output";

    private OutputFolder() {
    }

    static Path prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new UserError(dir + " exists and is not a folder");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new UserError(dir + " exists and was not made by devsim; choose another folder with --out");
            }
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by devsim; emptied on each run\n");
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
