package io.devopssim.chaos.jenkins;

import java.util.Objects;

/**
 * A secret looked up for one experiment: a token or key (a secret text), or a username and password. Never
 * serializable and never shown: {@link #toString()} hides the secret, so a mistaken log line or message
 * cannot leak it. Kept only in the transient objects that use it.
 */
public sealed interface ChaosCredential {

    /** The secret, for redacting it from any text that might echo it. */
    String secret();

    record Token(String secret) implements ChaosCredential {
        public Token {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    record UsernamePassword(String username, String secret) implements ChaosCredential {
        public UsernamePassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "UsernamePassword[username=" + username + ", password=****]";
        }
    }
}
