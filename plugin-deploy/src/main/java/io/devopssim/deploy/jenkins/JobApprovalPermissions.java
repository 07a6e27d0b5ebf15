package io.devopssim.deploy.jenkins;

import hudson.model.Run;

/**
 * The permissions of the current Jenkins user on the build's job. Until jenkins-api has the security
 * types (Item, AccessControlled), it refuses every decision: fail closed.
 */
final class JobApprovalPermissions {
    private JobApprovalPermissions() {
    }

    static ApprovalPermissions of(Run<?, ?> run) {
        return ApprovalPermissions.DENY_ALL;
    }
}
