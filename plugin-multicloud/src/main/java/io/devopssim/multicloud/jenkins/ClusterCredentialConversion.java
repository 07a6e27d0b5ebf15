package io.devopssim.multicloud.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import io.devopssim.multicloud.ClusterAuth;
import io.devopssim.multicloud.ClusterCredential;
import io.devopssim.multicloud.CredentialResolver;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cluster's auth reference to its secret: a token is a secret text credential, a client certificate a secret
 * file holding the PEM certificate and private key, a kubeconfig context needs no credential. Every refusal
 * names the id and what kind was expected, never the content.
 */
final class ClusterCredentialConversion implements CredentialResolver {

    /** Finds a Jenkins credential by id, or null. */
    @FunctionalInterface
    interface Source {
        StandardCredentials find(String id) throws IOException;
    }

    /**
     * Jenkins' global credentials, looked up as the system (the registry is global configuration, and only an
     * administrator reaches the form that uses this).
     */
    static final Source GLOBAL = id -> CredentialsMatchers.firstOrNull(
            CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, (Item) null, ACL.SYSTEM2),
            CredentialsMatchers.withId(id));

    private final Source source;

    ClusterCredentialConversion(Source source) {
        this.source = source;
    }

    @Override
    public ClusterCredential resolve(ClusterAuth auth) throws CredentialException {
        if (auth instanceof ClusterAuth.KubeconfigContext) {
            return ClusterCredential.FromKubeconfig.INSTANCE;
        }
        boolean token = auth instanceof ClusterAuth.Token;
        String id = token ? ((ClusterAuth.Token) auth).credentialsId() : ((ClusterAuth.ClientCertificate) auth).credentialsId();
        StandardCredentials c;
        try {
            c = source.find(id);
        } catch (IOException e) {
            throw new CredentialException("cannot read credential " + id + ": " + e.getClass().getSimpleName());
        }
        if (c == null) {
            throw new CredentialException("no credential " + id);
        }
        if (token) {
            if (!(c instanceof StringCredentials s)) {
                throw new CredentialException("credential " + id + " is not a secret text; a cluster token needs one");
            }
            try {
                return new ClusterCredential.Token(s.getSecret().getPlainText().strip());
            } catch (IllegalArgumentException e) {
                throw new CredentialException("credential " + id + ": " + e.getMessage());
            }
        }
        if (!(c instanceof FileCredentials f)) {
            throw new CredentialException("credential " + id + " is not a secret file; a client certificate needs one"
                    + " holding the PEM certificate and private key");
        }
        try (InputStream in = f.getContent()) {
            return ClusterCredential.ClientCertificate.fromPemBundle(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CredentialException("cannot read secret file " + id + ": " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new CredentialException("credential " + id + ": " + e.getMessage());
        }
    }
}
