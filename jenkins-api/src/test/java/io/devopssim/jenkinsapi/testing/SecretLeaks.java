package io.devopssim.jenkinsapi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places a step's secret must never reach: the build log, the files under the build's folder (state, history),
 * exception messages, the serialized execution. Every plugin's credential tests check all four.
 */
public final class SecretLeaks {
    private SecretLeaks() {
    }

    public static void assertNotInLog(String secret, TestStepContext context) {
        assertThat(context.log()).as("build log").doesNotContain(secret);
    }

    /** Every file the step wrote under {@code dir} (state, history, ledgers). */
    public static void assertNotInFiles(String secret, Path dir) throws IOException {
        assertThat(Files.exists(dir)).as("the step wrote under %s", dir).isTrue();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("file %s", f).doesNotContain(secret);
            }
        }
    }

    public static void assertNotInException(String secret, Throwable failure) {
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
        }
    }

    /** Java serialization writes an ASCII string as its bytes: a secret kept in a field would show up verbatim. */
    public static void assertNotInSerializedExecution(String secret, byte[] serialized) {
        assertThat(serialized.length).as("something was serialized").isPositive();
        assertThat(new String(serialized, StandardCharsets.ISO_8859_1)).as("serialized execution").doesNotContain(secret);
    }
}
