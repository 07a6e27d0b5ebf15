package io.devopssim.core.gitops;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One commit of the environment repository's history, as the audit trail shows it.
 *
 * @param id           full commit id
 * @param shortMessage first line of the message
 * @param fullMessage  the whole message
 * @param trailers     the {@code Key: value} lines of the message's last paragraph, in order (the first
 *                     value when a key repeats)
 * @param time         committer time
 */
public record CommitInfo(String id, String shortMessage, String fullMessage, Map<String, String> trailers,
                         Instant time) {
    public CommitInfo {
        Objects.requireNonNull(id, "id");
        trailers = Collections.unmodifiableMap(new LinkedHashMap<>(trailers));
    }

    /** The rollout this commit belongs to, or null when it carries no {@code Rollout-Id} trailer. */
    public String rolloutId() {
        return trailers.get(CommitTrailers.ROLLOUT_ID);
    }

    /** The rollout step that made it, or null. */
    public String step() {
        return trailers.get(CommitTrailers.STEP);
    }
}
