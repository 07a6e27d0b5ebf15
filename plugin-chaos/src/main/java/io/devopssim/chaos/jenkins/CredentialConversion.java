package io.devopssim.chaos.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The kinds of Jenkins credential a chaos backend can use: a secret text, a username with password, a secret file. */
final class CredentialConversion {
    /** A CA bundle is a few KiB; anything much larger is the wrong file. */
    static final int MAX_FILE_BYTES = 256 * 1024;

    private CredentialConversion() {
    }

    static ChaosCredential of(String credentialsId, StandardCredentials c) throws IOException {
        if (c instanceof StringCredentials s) {
            return new ChaosCredential.Token(s.getSecret().getPlainText());
        }
        if (c instanceof StandardUsernamePasswordCredentials up) {
            return new ChaosCredential.UsernamePassword(up.getUsername(), up.getPassword().getPlainText());
        }
        if (c instanceof FileCredentials f) {
            try (InputStream in = f.getContent()) {
                byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
                if (content.length > MAX_FILE_BYTES) {
                    throw new AbortException("chaosExperiment: the file of credential " + credentialsId + " is larger than "
                            + MAX_FILE_BYTES / 1024 + " KiB");
                }
                return new ChaosCredential.FileContent(f.getFileName(), new String(content, StandardCharsets.UTF_8));
            }
        }
        // the kind, never the credential itself (its toString may show more than its id)
        throw new AbortException("chaosExperiment: credential " + credentialsId + " is a " + c.getClass().getSimpleName()
                + "; use a secret text, a username with password or a secret file");
    }
}
