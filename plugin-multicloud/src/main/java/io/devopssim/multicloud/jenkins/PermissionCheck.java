package io.devopssim.multicloud.jenkins;

import hudson.security.Permission;
import jenkins.model.Jenkins;

/**
 * The one way the form methods ask whether the current user may do what they do. In Jenkins it is
 * {@code Jenkins.get().checkPermission(p)}, which answers 403 by throwing; tests pass one that records the
 * permission asked for or refuses it, since {@code Jenkins.get()} needs a running Jenkins.
 */
@FunctionalInterface
public interface PermissionCheck {
    PermissionCheck JENKINS = permission -> Jenkins.get().checkPermission(permission);

    /** @throws org.springframework.security.access.AccessDeniedException when the current user lacks it */
    void check(Permission permission);
}
