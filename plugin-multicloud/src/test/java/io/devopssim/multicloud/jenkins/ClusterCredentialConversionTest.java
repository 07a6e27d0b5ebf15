package io.devopssim.multicloud.jenkins;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;
import io.devopssim.multicloud.ClusterAuth;
import io.devopssim.multicloud.ClusterCredential;
import io.devopssim.multicloud.CredentialResolver;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterCredentialConversionTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.cluster-token-77";
    private static final String KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7-private";
    private static final String PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBszCCAVmgAwIBAgIUY2E=
            -----END CERTIFICATE-----
            -----BEGIN RSA PRIVATE KEY-----
            %s
            -----END RSA PRIVATE KEY-----
            """.formatted(KEY);

    /** What every credential answers besides its secret; its toString is careless on purpose. */
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
            return getClass().getSimpleName() + " holding " + TOKEN + " " + KEY;
        }
    }

    private static final class Text extends Base implements StringCredentials {
        private static final long serialVersionUID = 1L;

        @Override
        public Secret getSecret() {
            return Secret.fromString(TOKEN + "\n");
        }
    }

    private static final class File extends Base implements FileCredentials {
        private static final long serialVersionUID = 1L;
        private final String content;

        File(String content) {
            this.content = content;
        }

        @Override
        public String getFileName() {
            return "admin.pem";
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final CredentialResolver resolver = new ClusterCredentialConversion(Map.<String, StandardCredentials>of(
            "eks-token", new Text(), "aks-cert", new File(PEM), "half-cert", new File("-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n"))::get);

    @Test
    void shouldTurnASecretTextIntoAToken() throws Exception {
        ClusterCredential c = resolver.resolve(new ClusterAuth.Token("eks-token"));

        assertThat(c).isInstanceOf(ClusterCredential.Token.class);
        assertThat(c.toString()).isEqualTo("Token[redacted]");
    }

    @Test
    void shouldTurnASecretFileIntoAClientCertificate() throws Exception {
        ClusterCredential c = resolver.resolve(new ClusterAuth.ClientCertificate("aks-cert"));

        assertThat(c).isInstanceOf(ClusterCredential.ClientCertificate.class);
        assertThat(c.toString()).isEqualTo("ClientCertificate[redacted]").doesNotContain(KEY);
    }

    @Test
    void shouldNeedNoCredentialForAKubeconfigContext() throws Exception {
        assertThat(resolver.resolve(new ClusterAuth.KubeconfigContext("prod"))).isSameAs(ClusterCredential.FromKubeconfig.INSTANCE);
    }

    @Test
    void shouldRefuseTheWrongKindOrAMissingOneNamingTheIdOnly() {
        assertThatThrownBy(() -> resolver.resolve(new ClusterAuth.Token("aks-cert")))
                .hasMessage("credential aks-cert is not a secret text; a cluster token needs one");
        assertThatThrownBy(() -> resolver.resolve(new ClusterAuth.ClientCertificate("eks-token")))
                .hasMessage("credential eks-token is not a secret file; a client certificate needs one holding the PEM certificate and private key");
        assertThatThrownBy(() -> resolver.resolve(new ClusterAuth.Token("nope"))).hasMessage("no credential nope");
        assertThatThrownBy(() -> resolver.resolve(new ClusterAuth.ClientCertificate("half-cert")))
                .hasMessage("credential half-cert: a client certificate credential holds a PEM certificate and a PEM private key;"
                        + " the private key is missing")
                .hasMessageNotContaining("MII");
    }
}
