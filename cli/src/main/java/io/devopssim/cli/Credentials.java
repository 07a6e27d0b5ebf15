package io.devopssim.cli;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;

import java.util.Map;

/** Reads Git credentials from the environment variables a spec names; the values are never printed. */
final class Credentials {
    private Credentials() {
    }

    static GitCredentials from(CredentialsSpec spec, Map<String, String> env) {
        if (spec == null || (spec.usernameEnv() == null && spec.credentialsId() == null)) {
            return GitCredentials.ANONYMOUS;
        }
        if (spec.credentialsId() != null) {
            throw new UserError("gitops.credentials.credentialsId names Jenkins credentials, which devsim cannot read;"
                    + " use usernameEnv and passwordEnv");
        }
        String user = env.get(spec.usernameEnv());
        String password = env.get(spec.passwordEnv());
        if (user == null || password == null) {
            throw new UserError("environment variables " + spec.usernameEnv() + " and " + spec.passwordEnv()
                    + " must both be set for the environment repository");
        }
        return new GitCredentials(user, password.toCharArray());
    }
}
