package com.cloudbees.plugins.credentials.common;

/** Compile-only copy (credentials plugin): what a username/password credential lookup asks for. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
