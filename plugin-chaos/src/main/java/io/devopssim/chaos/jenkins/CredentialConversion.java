package io.devopssim.chaos.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The kinds of Jenkins credential a chaos backend can use: a secret text, or a username with password. */
final class CredentialConversion {
    private CredentialConversion() {
    }

    static ChaosCredential of(String credentialsId, StandardCredentials c) throws AbortException {
        if (c instanceof StringCredentials s) {
            return new ChaosCredential.Token(s.getSecret().getPlainText());
        }
        if (c instanceof StandardUsernamePasswordCredentials up) {
            return new ChaosCredential.UsernamePassword(up.getUsername(), up.getPassword().getPlainText());
        }
        // the kind, never the credential itself (its toString may show more than its id)
        throw new AbortException("chaosExperiment: credential " + credentialsId + " is a " + c.getClass().getSimpleName()
                + "; use a secret text or a username with password");
    }
}
