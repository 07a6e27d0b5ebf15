package io.devopssim.deploy.jenkins;

/** A user for approval tests, with or without Job/Build and Job/Cancel on the build's job. */
final class FakePermissions implements ApprovalPermissions {
    final String user;
    final boolean build;
    final boolean cancel;

    FakePermissions(String user, boolean build, boolean cancel) {
        this.user = user;
        this.build = build;
        this.cancel = cancel;
    }

    @Override
    public void checkApprove() {
        if (!build) {
            throw new SecurityException(user + " is missing the Job/Build permission");
        }
    }

    @Override
    public void checkAbort() {
        if (!build && !cancel) {
            throw new SecurityException(user + " is missing the Job/Cancel permission");
        }
    }

    @Override
    public String currentUser() {
        return user;
    }
}
