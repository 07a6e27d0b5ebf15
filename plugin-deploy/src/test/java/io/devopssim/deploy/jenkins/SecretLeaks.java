package io.devopssim.deploy.jenkins;

import io.devopssim.jenkinsapi.testing.TestStepContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places a step's secret must never reach: the build log, the files under the build's folder (state, history),
 * exception messages, the serialized execution (as plugin-chaos' step tests check).
 */
final class SecretLeaks {
    private SecretLeaks() {
    }

    static void assertNotInLog(String secret, TestStepContext context) {
        assertThat(context.log()).as("build log").doesNotContain(secret);
    }

    static void assertNotInFiles(String secret, Path dir) throws IOException {
        assertThat(Files.exists(dir)).as("the step wrote under %s", dir).isTrue();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("file %s", f).doesNotContain(secret);
            }
        }
    }

    static void assertNotInException(String secret, Throwable failure) {
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
        }
    }

    /** Java serialization writes an ASCII string as its bytes: a secret kept in a field would show up verbatim. */
    static void assertNotInSerializedExecution(String secret, byte[] serialized) {
        assertThat(serialized.length).as("something was serialized").isPositive();
        assertThat(new String(serialized, StandardCharsets.ISO_8859_1)).as("serialized execution").doesNotContain(secret);
    }
}
