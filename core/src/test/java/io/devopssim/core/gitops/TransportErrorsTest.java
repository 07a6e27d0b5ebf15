package io.devopssim.core.gitops;

import org.eclipse.jgit.errors.TransportException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class TransportErrorsTest {
    private static final GitCredentials CREDENTIALS = new GitCredentials("ci", "hunter2-token".toCharArray());

    @Test
    void shouldDropTheUserInformationFromAUrl() {
        assertThat(TransportErrors.safeUrl("https://ci:hunter2-token@git.example.com/env.git"))
                .isEqualTo("https://git.example.com/env.git");
        assertThat(TransportErrors.safeUrl("http://127.0.0.1:8080/env.git")).isEqualTo("http://127.0.0.1:8080/env.git");
    }

    @Test
    void shouldNeverRepeatThePasswordOfTheCredentials() {
        TransportException e = new TransportException("https://git.example.com/env.git: answer mentions hunter2-token");

        assertThat(TransportErrors.describe("https://git.example.com/env.git", e, CREDENTIALS, 30).getMessage())
                .doesNotContain("hunter2-token")
                .contains("****");
    }

    @Test
    void shouldSayConnectionRefusedForAConnectException() {
        TransportException e = new TransportException("http://127.0.0.1:9/env.git: cannot open git-upload-pack",
                new ConnectException("Connection refused"));

        assertThat(TransportErrors.describe("http://127.0.0.1:9/env.git", e, CREDENTIALS, 30))
                .hasMessage("cannot reach http://127.0.0.1:9/env.git: connection refused")
                .hasCause(e);
    }
}
