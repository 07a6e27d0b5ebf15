package io.devopssim.deploy.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.Jenkins;

import java.util.function.Supplier;

/**
 * The current Jenkins user's permissions on the build's job, as the input step checks them: to proceed,
 * Job/Build; to abort, Job/Cancel or the right to proceed. A refusal is Jenkins' AccessDeniedException,
 * which Jenkins answers with a 403 page naming the missing permission. Rollout and wave approvals both use it.
 */
public final class JobApprovalPermissions implements ApprovalPermissions {

    /** Throws unless the current user holds one of {@code anyOf} on {@code target}. */
    @FunctionalInterface
    public interface PermissionCheck {
        void checkAny(AccessControlled target, Permission... anyOf);
    }

    private final Supplier<? extends AccessControlled> job;
    private final PermissionCheck check;
    private final Supplier<String> user;

    public JobApprovalPermissions(Supplier<? extends AccessControlled> job, PermissionCheck check, Supplier<String> user) {
        this.job = job;
        this.check = check;
        this.user = user;
    }

    /** Jenkins' own checks, on the job of {@code run}, for the user of the current request. */
    public static ApprovalPermissions of(Run<?, ?> run) {
        return new JobApprovalPermissions(run::getParent, AccessControlled::checkAnyPermission,
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
