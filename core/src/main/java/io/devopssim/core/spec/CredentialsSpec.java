package io.devopssim.core.spec;

/**
 * Where the Git credentials come from: names of environment variables for the CLI, or a Jenkins
 * credentials id for the plugins. The secret itself is never part of a spec.
 */
public record CredentialsSpec(String usernameEnv, String passwordEnv, String credentialsId) {
    public static final CredentialsSpec NONE = new CredentialsSpec(null, null, null);
}
