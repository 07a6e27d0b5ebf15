package io.devopssim.deploy.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The kinds of Jenkins credential the deploy steps use: a secret text, or a username with password. */
final class CredentialKinds {
    private CredentialKinds() {
    }

    static DeploySecret of(String credentialsId, StandardCredentials c, String step) throws AbortException {
        if (c instanceof StringCredentials s) {
            return new DeploySecret.Token(s.getSecret().getPlainText());
        }
        if (c instanceof StandardUsernamePasswordCredentials up) {
            return new DeploySecret.UsernamePassword(up.getUsername(), up.getPassword().getPlainText());
        }
        // the kind, never the credential itself (its toString may show more than its id)
        throw new AbortException(step + ": credential " + credentialsId + " is a " + c.getClass().getSimpleName()
                + "; use a secret text or a username with password");
    }
}
