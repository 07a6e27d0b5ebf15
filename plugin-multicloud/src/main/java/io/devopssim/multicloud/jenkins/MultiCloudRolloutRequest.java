package io.devopssim.multicloud.jenkins;

import java.io.Serializable;

/**
 * The step's arguments, as one immutable value handed to the execution.
 *
 * @param planFile       workspace-relative plan file, or null
 * @param plan           inline plan, or null
 * @param planId         explicit plan id, or null
 * @param failOnRollback whether a rolled-back wave fails the build
 */
public record MultiCloudRolloutRequest(String planFile, String plan, String planId, boolean failOnRollback)
        implements Serializable {
}
