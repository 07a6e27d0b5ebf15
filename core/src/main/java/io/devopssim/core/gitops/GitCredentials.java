package io.devopssim.core.gitops;

import java.util.Arrays;

/**
 * A user name and password (or token) for the environment repository. {@link #toString()} never shows
 * the secret.
 */
public final class GitCredentials {
    public static final GitCredentials ANONYMOUS = new GitCredentials(null, new char[0]);

    private final String username;
    private final char[] password;

    public GitCredentials(String username, char[] password) {
        this.username = username;
        this.password = password.clone();
    }

    public String username() {
        return username;
    }

    public char[] password() {
        return password.clone();
    }

    public boolean isAnonymous() {
        return username == null;
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : username + ":****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitCredentials other
                && java.util.Objects.equals(username, other.username)
                && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(username);
    }
}
