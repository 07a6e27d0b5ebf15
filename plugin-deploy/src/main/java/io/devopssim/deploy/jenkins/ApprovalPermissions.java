package io.devopssim.deploy.jenkins;

/**
 * Who may decide a paused rollout from the build page. Jenkins' implementation follows the input step
 * (pipeline-input-step's {@code InputStepExecution}): proceeding needs Job/Build on the build's job;
 * aborting needs Job/Cancel, or the right to proceed. A seam, so tests can play any user.
 */
public interface ApprovalPermissions {

    /** Refuses everything: what an action not yet attached to its build uses. */
    ApprovalPermissions DENY_ALL = new ApprovalPermissions() {
        @Override
        public void checkApprove() {
            throw new SecurityException("this action is not attached to a build");
        }

        @Override
        public void checkAbort() {
            throw new SecurityException("this action is not attached to a build");
        }

        @Override
        public String currentUser() {
            return "nobody";
        }
    };

    /** Returns when the current user may approve; throws (Jenkins: AccessDeniedException, a 403) otherwise. */
    void checkApprove();

    /** Returns when the current user may abort; throws otherwise. */
    void checkAbort();

    /** The current user's name, for the rollout's timeline. */
    String currentUser();
}
