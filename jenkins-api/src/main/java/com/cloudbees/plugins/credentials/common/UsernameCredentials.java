package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only copy (credentials plugin); the default isUsernameSecret() is left out. */
public interface UsernameCredentials extends Credentials {

    @NonNull
    String getUsername();
}
