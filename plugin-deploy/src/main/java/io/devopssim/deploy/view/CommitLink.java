package io.devopssim.deploy.view;

import java.time.Instant;

/**
 * A commit the rollout made (or found already made) in the environment repository.
 *
 * @param id      full commit id
 * @param shortId first 8 characters
 * @param url     web page of the commit, or null when the repository has none (file or path)
 * @param kind    the event that recorded it ({@code PROMOTED}, {@code ROLLED_BACK}, {@code COMMITTED})
 * @param message the event's line
 * @param time    when
 */
public record CommitLink(String id, String shortId, String url, String kind, String message, Instant time) {
}
