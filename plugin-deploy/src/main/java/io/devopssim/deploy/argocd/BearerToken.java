package io.devopssim.deploy.argocd;

import java.util.Objects;

/**
 * An Argo CD API token. Not a record on purpose: its {@link #toString()} must never print the secret,
 * so a token that ends up in a log line, an exception or a debugger view shows as redacted.
 */
public final class BearerToken {

    private final String secret;

    private BearerToken(String secret) {
        this.secret = secret;
    }

    public static BearerToken of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank() || secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            // a header value with spaces or line breaks would be refused by HttpClient with the value in the message
            throw new IllegalArgumentException("an Argo CD token is a non-empty string of visible ASCII characters");
        }
        return new BearerToken(secret);
    }

    /** The {@code Authorization} header value. Only the HTTP client calls this. */
    String authorizationHeader() {
        return "Bearer " + secret;
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
