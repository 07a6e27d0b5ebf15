package io.devopssim.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.devopssim.core.state.Json;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The history as a JSON-lines file: one {@link HistoryEntry} or {@link Relabel} per line, appended, never rewritten.
 *
 * <ul>
 *   <li><b>Concurrent appenders.</b> Each append holds an exclusive lock on the file ({@link FileLock}, which
 *   other processes respect) while it writes its one line, so lines never interleave. Within one JVM two
 *   instances on the same file cannot both hold the lock (Java reports the overlap instead of waiting), so
 *   an append that meets it waits a little and tries again.</li>
 *   <li><b>A torn last line.</b> A crash in the middle of a write leaves a last line without its newline.
 *   Readers ignore such a line (it may also be a write in progress) and say so; the next append, under the
 *   lock, cuts it off before writing, so a torn line never glues onto a good one.</li>
 *   <li><b>Durable.</b> The line is forced to disk before the append returns.</li>
 * </ul>
 */
public final class JsonLinesHistory implements ReleaseHistory {
    /** How long an append waits for another instance of this JVM to finish its own. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    // readers and writers are immutable and thread-safe, unlike a mapper
    private static final ObjectWriter ONE_LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = Json.mapper().reader();
    private static final ObjectReader ENTRY = READER.forType(HistoryEntry.class);
    private static final ObjectReader RELABEL = READER.forType(Relabel.class);

    private final Path file;

    public JsonLinesHistory(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(HistoryEntry entry) throws IOException {
        appendLine(entry);
    }

    @Override
    public void relabel(Relabel relabel) throws IOException {
        appendLine(relabel);
    }

    private void appendLine(Object value) throws IOException {
        // JSON escapes every newline inside strings, so the value is exactly one line
        byte[] line = (ONE_LINE.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        synchronized (this) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock lock = lock(channel)) {
                long end = endOfCompleteLines(channel);
                if (end < channel.size()) {
                    channel.truncate(end); // a torn line: never a complete entry, and it would swallow this one
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                long position = end;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(false);
            }
        }
    }

    @Override
    public HistoryRead read() throws IOException {
        if (!Files.exists(file)) {
            return new HistoryRead(List.of(), List.of());
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads history text (a file's content, e.g. from a Jenkins workspace). Lines that are not entries are
     * skipped and reported; a line of a newer format is an error, since skipping it would silently lose data.
     *
     * @param origin names the text in messages, e.g. its file name
     */
    public static HistoryRead parse(String text, String origin) throws HistoryFormatException {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Relabel> relabels = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // the last element is what follows the last newline: empty for a file of complete lines
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            if (i == lines.length - 1) {
                skipped.add(where + ": incomplete last line (a write in progress or cut by a crash), ignored");
                continue;
            }
            JsonNode node;
            try {
                node = READER.readTree(line);
            } catch (JsonProcessingException e) {
                skipped.add(where + ": not JSON (" + e.getOriginalMessage() + "), skipped");
                continue;
            }
            int format = node.path("format").asInt(0);
            if (format > HistoryEntry.FORMAT) {
                throw new HistoryFormatException(where + " is history format " + format + "; this devsim reads format "
                        + HistoryEntry.FORMAT + " and older: use a newer devsim");
            }
            try {
                if (Relabel.TYPE.equals(node.path("type").asText())) {
                    relabels.add(RELABEL.readValue(node));
                } else {
                    entries.add(ENTRY.readValue(node));
                }
            } catch (IOException | IllegalArgumentException e) {
                skipped.add(where + ": not a history entry (" + rootMessage(e) + "), skipped");
            }
        }
        return new HistoryRead(entries, skipped, relabels);
    }

    /** Where the complete lines end: the file's size, or just after its last newline when the tail is torn. */
    private static long endOfCompleteLines(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        long end = size;
        while (end > 0) {
            int length = (int) Math.min(chunk.capacity(), end);
            chunk.clear().limit(length);
            long from = end - length;
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, from + chunk.position()) < 0) {
                    throw new IOException("the history file shrank while being read");
                }
            }
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    private FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                return channel.lock(); // waits for other processes
            } catch (OverlappingFileLockException sameJvm) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("another appender in this process held " + file + " for over " + LOCK_WAIT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(Math.min(1 + attempt, 20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting to append to " + file);
                }
            }
        }
    }

    private static String rootMessage(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
    }
}
