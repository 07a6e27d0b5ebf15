package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.argocd.ArgoCdVerifier;
import io.devopssim.deploy.argocd.BearerToken;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.time.Instant;

/**
 * {@code waitForArgoCd}: waits until Argo CD reports the Application Synced and Healthy at the revision,
 * failing fast on a failed sync or Degraded health ({@link ArgoCdVerifier}). No thread waits: each look is
 * one request on the scheduler, the next one scheduled {@code interval} later. The deadline counts from the
 * step's start, across a controller restart. The token is read from the environment for each look and
 * never kept. A stop leaves Argo CD alone: a sync it runs applies what Git holds, which is the point.
 */
public final class WaitForArgoCdExecution extends DeployStepExecution {
    private static final long serialVersionUID = 1L;
    /** Failed looks in a row (Argo CD unreachable, refusing the token) before the step gives up. */
    static final int MAX_FAILED_LOOKS = 3;

    private final ArgoCdWaitRequest request;
    private Instant startedAt;
    private boolean syncRequested;
    private int failedLooks;
    private String lastMessage;

    WaitForArgoCdExecution(StepContext context, ArgoCdWaitRequest request, RolloutRuntime runtime) {
        super(context, runtime);
        this.request = request;
    }

    @Override
    String stepName() {
        return "waitForArgoCd";
    }

    @Override
    void begin() throws Exception {
        ArgoCdWaitArguments.ArgoCdWait w = ArgoCdWaitArguments.check(request, stepName());
        endpoint(w); // a missing token fails here, before any request
        startedAt = runtime().clock().now();
        log("waiting up to " + io.devopssim.core.spec.Durations.format(w.timeout()) + " for " + w.application()
                + " to be Synced and Healthy at " + w.revision().substring(0, 8)
                + (w.server() != null ? " (Argo CD API at " + w.server() + ")" : " (Application resource in namespace " + w.namespace() + ")"));
        scheduleNow();
    }

    @Override
    void resume() {
        scheduleNow();
    }

    @Override
    Instant advance() throws Exception {
        ArgoCdWaitArguments.ArgoCdWait w = ArgoCdWaitArguments.check(request, stepName());
        ArgoCdVerifier verifier = new ArgoCdVerifier(runtime().argoCd(endpoint(w)), w.application(), w.timeout(), true,
                runtime().clock());
        DeploymentVerifier.Check check;
        try {
            if (w.sync() && !syncRequested) {
                verifier.begin(w.revision());
                syncRequested = true;
                log("asked Argo CD for a hard refresh and a sync of " + w.application() + " to " + w.revision().substring(0, 8));
            }
            check = verifier.check(w.revision(), startedAt);
            failedLooks = 0;
        } catch (DeploymentVerifier.VerificationException e) {
            failedLooks++;
            log(e.getMessage() + " (" + failedLooks + " of " + MAX_FAILED_LOOKS + " failed looks in a row)");
            if (failedLooks >= MAX_FAILED_LOOKS) {
                record(ArgoCdWaitsAction.Result.UNREACHABLE, e.getMessage());
                fail(new AbortException(stepName() + ": " + e.getMessage()));
                return null;
            }
            return runtime().clock().now().plus(w.interval());
        }
        switch (check.status()) {
            case DONE -> {
                log(check.message());
                record(ArgoCdWaitsAction.Result.SYNCED_HEALTHY, check.message());
                succeed(check.message());
                return null;
            }
            case FAILED -> {
                log(check.message());
                record(ArgoCdWaitsAction.Result.FAILED, check.message());
                fail(new AbortException(stepName() + ": " + check.message()));
                return null;
            }
            default -> {
                if (!check.message().equals(lastMessage)) {
                    log(check.message()); // only changes: a ten-minute wait is not sixty identical lines
                    lastMessage = check.message();
                }
                return runtime().clock().now().plus(w.interval());
            }
        }
    }

    @Override
    void halt(Throwable cause) {
        log("stopped waiting" + (syncRequested ? "; the sync Argo CD runs goes on: it applies the commit Git holds" : ""));
        if (startedAt != null) {
            record(ArgoCdWaitsAction.Result.STOPPED, lastMessage);
        }
    }

    /** The build page's row for this wait (application, revision, result, duration), added once as it ends. */
    private void record(ArgoCdWaitsAction.Result result, String message) {
        try {
            runtime().build(getContext()).action(ArgoCdWaitsAction.class, ArgoCdWaitsAction::new)
                    .add(new ArgoCdWaitsAction.Wait(request.application(), request.revision(), result, message, startedAt,
                            runtime().clock().now()));
        } catch (Exception e) {
            log("could not show the wait on the build page: " + e.getMessage()); // the log has the outcome anyway
        }
    }

    @Override
    public String getStatus() {
        return "waiting for Argo CD application " + request.application();
    }

    /** The REST API with the token read now from the environment, or the Application resources. */
    private ArgoCdEndpoint endpoint(ArgoCdWaitArguments.ArgoCdWait w) throws Exception {
        if (w.server() == null) {
            return new ArgoCdEndpoint(null, null, w.namespace());
        }
        EnvVars env = getContext().get(EnvVars.class);
        String token = env == null ? null : env.get(w.tokenEnv());
        if (token == null || token.isBlank()) {
            throw new AbortException(stepName() + ": environment variable " + w.tokenEnv() + " is not set (withCredentials)");
        }
        try {
            return new ArgoCdEndpoint(w.server(), BearerToken.of(token.strip()), null);
        } catch (IllegalArgumentException e) {
            throw new AbortException(stepName() + ": the token in " + w.tokenEnv() + " is not usable: " + e.getMessage());
        }
    }
}
