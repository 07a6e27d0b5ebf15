package io.devopssim.deploy.jenkins;

import java.util.Objects;

/**
 * A Jenkins credential looked up for one step: a secret text (a cluster or Argo CD token), or a username with a
 * password (the environment repository). Not serializable, and {@link #toString()} hides the secret, so that a
 * careless log line or message cannot leak it; kept only in transient objects for the rollout's session.
 */
sealed interface DeploySecret {

    record Token(String secret) implements DeploySecret {
        public Token {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    record UsernamePassword(String username, String password) implements DeploySecret {
        public UsernamePassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "UsernamePassword[username=" + username + ", password=****]";
        }
    }
}
