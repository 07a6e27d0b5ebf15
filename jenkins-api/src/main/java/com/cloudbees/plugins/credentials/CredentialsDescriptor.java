package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/**
 * Compile-only declaration (credentials plugin): the return type of {@link Credentials#getDescriptor()}. No
 * member is captured, so the stub cannot be instantiated.
 */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {

    private CredentialsDescriptor() {
        super(Credentials.class);
    }
}
