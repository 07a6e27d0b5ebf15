package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Compile-only copy (plain-credentials plugin): a secret text credential. */
public interface StringCredentials extends StandardCredentials {

    @NonNull
    Secret getSecret();
}
