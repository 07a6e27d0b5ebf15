package io.devopssim.deploy.argocd;

import io.devopssim.core.time.Clock;
import io.devopssim.deploy.DeploymentVerifier;

import java.time.Duration;
import java.time.Instant;

/** Argo CD as the rollout's deployment verifier: Synced and Healthy at the promotion commit, or it failed. */
public final class ArgoCdVerifier implements DeploymentVerifier {
    private final ArgoCdApplications argoCd;
    private final String application;
    private final Duration timeout;
    private final boolean requestSync;
    private final Clock clock;

    /**
     * @param requestSync ask for a hard refresh and a sync (false for Applications with auto-sync, which
     *                    would refuse a second operation)
     */
    public ArgoCdVerifier(ArgoCdApplications argoCd, String application, Duration timeout, boolean requestSync, Clock clock) {
        this.argoCd = argoCd;
        this.application = application;
        this.timeout = timeout;
        this.requestSync = requestSync;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void begin(String revision) throws VerificationException {
        if (!requestSync) {
            return;
        }
        try {
            new ArgoCdWaiter(argoCd, application, revision, clock, timeout).requestSync();
        } catch (ArgoCdException e) {
            if (String.valueOf(e.getMessage()).contains("already in progress")) {
                return; // asked before a restart: the running operation is what check() watches
            }
            throw new VerificationException("cannot ask Argo CD to sync " + application + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Check check(String revision, Instant since) throws VerificationException {
        Duration left = timeout.minus(Duration.between(since, clock.now()));
        if (left.isNegative() || left.isZero()) {
            return new Check(Check.Status.FAILED, "timed out after " + timeout + " waiting for " + application
                    + " to be Synced and Healthy at " + ApplicationState.shortRevision(revision));
        }
        try {
            WaitResult r = new ArgoCdWaiter(argoCd, application, revision, clock, left).poll();
            return new Check(switch (r.phase()) {
                case PENDING -> Check.Status.PENDING;
                case DONE -> Check.Status.DONE;
                case FAILED -> Check.Status.FAILED;
            }, r.message());
        } catch (ArgoCdException e) {
            throw new VerificationException("cannot read Argo CD Application " + application + ": " + e.getMessage(), e);
        }
    }
}
