package io.devopssim.deploy.view;

import java.util.Objects;

/**
 * What a rollout of a build is, beyond its saved state: which step ran it and against which repository.
 *
 * @param step      the Pipeline step, e.g. {@code canaryRollout}
 * @param rolloutId its id (the key of its saved state)
 * @param title     e.g. {@code checkout 1.5.0}
 * @param repoUrl   the environment repository, for commit links (no credentials: specs refuse them)
 */
public record RolloutSubject(String step, String rolloutId, String title, String repoUrl) {
    public RolloutSubject {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(title, "title");
    }
}
