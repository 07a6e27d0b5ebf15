package com.cloudbees.plugins.credentials.common;

/** Compile-only copy (credentials plugin). */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
