package io.devopssim.multicloud.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.devopssim.deploy.jenkins.ApprovalPermissions;
import jenkins.model.Jenkins;

import java.util.function.Supplier;

/**
 * The current Jenkins user's permissions on the build's job, as the input step checks them (and plugin-deploy's
 * rollout approvals): to approve a wave, Job/Build; to abort it, Job/Cancel or the right to approve. A refusal is
 * Jenkins' AccessDeniedException, answered with a 403 naming the missing permission.
 */
final class JobWavePermissions implements ApprovalPermissions {

    /** Throws unless the current user holds one of {@code anyOf} on {@code target}. */
    @FunctionalInterface
    interface AnyPermissionCheck {
        void checkAny(AccessControlled target, Permission... anyOf);
    }

    private final Supplier<? extends AccessControlled> job;
    private final AnyPermissionCheck check;
    private final Supplier<String> user;

    JobWavePermissions(Supplier<? extends AccessControlled> job, AnyPermissionCheck check, Supplier<String> user) {
        this.job = job;
        this.check = check;
        this.user = user;
    }

    /** Jenkins' own checks, on the job of {@code run}, for the user of the current request. */
    static ApprovalPermissions of(Run<?, ?> run) {
        return new JobWavePermissions(run::getParent, AccessControlled::checkAnyPermission,
                () -> Jenkins.getAuthentication2().getName());
    }

    @Override
    public void checkApprove() {
        check.checkAny(job.get(), Item.BUILD);
    }

    @Override
    public void checkAbort() {
        check.checkAny(job.get(), Item.CANCEL, Item.BUILD);
    }

    @Override
    public String currentUser() {
        return user.get();
    }
}
