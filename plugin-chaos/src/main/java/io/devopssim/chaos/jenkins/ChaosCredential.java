package io.devopssim.chaos.jenkins;

import java.util.Objects;

/**
 * A secret looked up for one experiment: a token or key (a secret text), a username and password, or a secret file. Never
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

    /** A secret file's content, read as UTF-8 (e.g. a CA certificate's PEM). */
    record FileContent(String fileName, String secret) implements ChaosCredential {
        public FileContent {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "FileContent[fileName=" + fileName + ", content=****]";
        }
    }
}
