package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

class CredentialConversionTest {
    private static final String SECRET = "s3cr3t-value-77";

    /** What every credential of the credentials plugin answers besides its secret. */
    private abstract static class Base implements StandardCredentials {
        private static final long serialVersionUID = 1L;

        @Override
        public String getId() {
            return "cred";
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return null;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            return null;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + " holding " + SECRET; // a careless credential class
        }
    }

    private static final class Text extends Base implements StringCredentials {
        private static final long serialVersionUID = 1L;

        @Override
        public Secret getSecret() {
            return Secret.fromString(SECRET);
        }
    }

    private static final class Login extends Base implements StandardUsernamePasswordCredentials {
        private static final long serialVersionUID = 1L;

        @Override
        public String getUsername() {
            return "team-7";
        }

        @Override
        public Secret getPassword() {
            return Secret.fromString(SECRET);
        }
    }

    private static final class PemFile extends Base implements FileCredentials {
        private static final long serialVersionUID = 1L;
        private final byte[] content;

        PemFile(byte[] content) {
            this.content = content;
        }

        @Override
        public String getFileName() {
            return "ca.pem";
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }
    }

    private static final class Certificate extends Base {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void shouldTakeTheSecretOfASecretText() throws Exception {
        ChaosCredential c = CredentialConversion.of("cred", new Text());

        assertThat(c).isEqualTo(new ChaosCredential.Token(SECRET));
        assertThat(c.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldTakeTheUsernameAndPasswordOfALogin() throws Exception {
        ChaosCredential c = CredentialConversion.of("cred", new Login());

        assertThat(c).isEqualTo(new ChaosCredential.UsernamePassword("team-7", SECRET));
        assertThat(c.toString()).contains("team-7").doesNotContain(SECRET);
    }

    @Test
    void shouldReadTheContentOfASecretFile() throws Exception {
        ChaosCredential c = CredentialConversion.of("cred", new PemFile(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertThat(c).isEqualTo(new ChaosCredential.FileContent("ca.pem", SECRET));
        assertThat(c.toString()).contains("ca.pem").doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseAFileFarLargerThanACaBundle() {
        assertThatThrownBy(() -> CredentialConversion.of("cred", new PemFile(new byte[CredentialConversion.MAX_FILE_BYTES + 1])))
                .isInstanceOf(AbortException.class).hasMessage("chaosExperiment: the file of credential cred is larger than 256 KiB");
    }

    @Test
    void shouldRefuseOtherKindsWithoutShowingThem() {
        assertThatThrownBy(() -> CredentialConversion.of("cred", new Certificate()))
                .isInstanceOf(AbortException.class)
                .hasMessage("chaosExperiment: credential cred is a Certificate; use a secret text, a username with password or a secret file")
                .message().doesNotContain(SECRET);
    }
}
