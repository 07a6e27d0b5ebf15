package io.devopssim.deploy.jenkins;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Jenkins credentials the deploy steps can use, turned into secrets whose toString never shows them. */
class CredentialKindsTest {
    private static final String SECRET = "s3cr3t-value-42";

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
            return "deployer";
        }

        @Override
        public Secret getPassword() {
            return Secret.fromString(SECRET);
        }
    }

    private static final class Certificate extends Base {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void shouldTakeTheSecretOfASecretText() throws Exception {
        DeploySecret s = CredentialKinds.of("cred", new Text(), "canaryRollout");

        assertThat(s).isEqualTo(new DeploySecret.Token(SECRET));
        assertThat(s.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldTakeTheUsernameAndPasswordOfALogin() throws Exception {
        DeploySecret s = CredentialKinds.of("cred", new Login(), "promoteRelease");

        assertThat(s).isEqualTo(new DeploySecret.UsernamePassword("deployer", SECRET));
        assertThat(s.toString()).contains("deployer").doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseOtherKindsWithoutShowingThem() {
        assertThatThrownBy(() -> CredentialKinds.of("cred", new Certificate(), "canaryRollout"))
                .isInstanceOf(AbortException.class)
                .hasMessage("canaryRollout: credential cred is a Certificate; use a secret text or a username with password")
                .message().doesNotContain(SECRET);
    }
}
