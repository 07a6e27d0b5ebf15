package io.devopssim.chaos.gremlin;

import java.util.Objects;

/**
 * A Gremlin API key and the team it acts for. {@link #toString()} never shows the key, so that the
 * record can be logged or put in an exception message by mistake without leaking it.
 */
public record GremlinCredentials(String teamId, String apiKey) {
    public GremlinCredentials {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(apiKey, "apiKey");
        if (teamId.isBlank()) {
            // API.md, "Team id": sent on every call; refusing to start without it
            throw new IllegalArgumentException("a Gremlin team id is required");
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("a Gremlin API key is required");
        }
    }

    /** Hides a key that a server echoed back in a text we are about to show. */
    String redact(String text) {
        return text == null ? "" : text.replace(apiKey, "****");
    }

    @Override
    public String toString() {
        return "GremlinCredentials[teamId=" + teamId + ", apiKey=****]";
    }
}
