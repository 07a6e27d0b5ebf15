package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Compile-only copy (credentials plugin); the real type's naming annotations only matter inside the plugin. */
public interface StandardCredentials extends IdCredentials {

    @NonNull
    String getDescription();
}
