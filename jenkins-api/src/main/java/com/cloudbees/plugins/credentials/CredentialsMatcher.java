package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-only copy (credentials plugin). */
public interface CredentialsMatcher extends Serializable {

    boolean matches(Credentials item);
}
