package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import hudson.model.Run;
import java.io.Serializable;

/** Compile-only copy (credentials plugin). The real interface also extends ExtensionPoint. */
public interface Credentials extends Describable<Credentials>, Serializable {

    @CheckForNull
    CredentialsScope getScope();

    @NonNull
    @Override
    CredentialsDescriptor getDescriptor();

    /** The real default returns this credential unchanged. */
    @NonNull
    default Credentials forRun(Run<?, ?> context) {
        return this;
    }
}
