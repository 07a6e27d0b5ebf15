package io.devopssim.deploy.jenkins;

import java.io.Serializable;

/**
 * A rollout step's arguments, as one immutable value handed to the execution.
 *
 * @param specFile       workspace-relative spec file, or null
 * @param spec           inline spec, or null
 * @param rolloutId      explicit rollout id, or null
 * @param failOnRollback whether a rollback fails the build
 */
public record RolloutRequest(String specFile, String spec, String rolloutId, boolean failOnRollback)
        implements Serializable {
}
