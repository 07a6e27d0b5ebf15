package io.devopssim.deploy.argocd;

import io.devopssim.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits, after a promotion commit, until Argo CD reports the Application Synced and Healthy at that
 * revision. It never holds a thread: {@link #poll()} looks once and says whether to look again, so the
 * rollout engine schedules the next look as it schedules any other transition. {@link #await} is the
 * blocking loop for the CLI and tests.
 *
 * <p>Done means all of: no operation requested or running ({@code .operation} cleared by the
 * controller, {@code status.operationState} not Running/Terminating), {@code status.sync} Synced at the
 * expected revision, and health Healthy: {@code argocd app wait --sync --health --operation} pinned to
 * a revision, as Kargo checks it. Failed fast: a sync operation that ended Failed or Error for the
 * expected revision, or Degraded health at the expected revision. Degraded at an older revision is not a
 * failure yet: it is the state the new commit is meant to replace.
 */
public final class ArgoCdWaiter {

    private final ArgoCdApplications argoCd;
    private final String application;
    private final String revision;
    private final Clock clock;
    private final Instant deadline;
    private final Duration timeout;

    public ArgoCdWaiter(ArgoCdApplications argoCd, String application, String revision, Clock clock,
            Duration timeout) {
        this.argoCd = Objects.requireNonNull(argoCd, "argoCd");
        this.application = requireText(application, "application");
        this.revision = requireText(revision, "revision");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.deadline = clock.now().plus(timeout);
    }

    /**
     * Asks for a hard refresh and a sync to the revision, for Applications without auto-sync (with
     * auto-sync the refresh alone is enough, and a second operation would be refused).
     */
    public void requestSync() throws ArgoCdException {
        argoCd.refresh(application, true);
        argoCd.sync(application, revision);
    }

    /** Looks once; never blocks beyond one request. */
    public WaitResult poll() throws ArgoCdException {
        ApplicationState state = argoCd.get(application);
        boolean operationForRevision = ApplicationState.sameRevision(state.operationRevision(), revision);
        boolean atRevision = ApplicationState.sameRevision(state.syncRevision(), revision);

        Optional<String> failed = state.failedOperation();
        if (failed.isPresent() && operationForRevision && !state.operationPending()) {
            return result(WaitResult.Phase.FAILED, "sync of " + application + " to "
                    + ApplicationState.shortRevision(revision) + " " + failed.get(), state);
        }
        if (atRevision && "Degraded".equals(state.healthStatus())) {
            return result(WaitResult.Phase.FAILED, application + " is Degraded at "
                    + ApplicationState.shortRevision(revision) + ": " + state.summary(), state);
        }
        // The last operation may be for an older revision: a commit that renders the same manifests, or an
        // auto-synced app already in sync, needs no new operation to be Synced at the revision.
        boolean operationRunning = state.operationPending() || "Running".equals(state.operationPhase())
                || "Terminating".equals(state.operationPhase());
        if (!operationRunning && atRevision && "Synced".equals(state.syncStatus()) && "Healthy".equals(state.healthStatus())) {
            return result(WaitResult.Phase.DONE, application + " is Synced and Healthy at "
                    + ApplicationState.shortRevision(revision), state);
        }
        if (!clock.now().isBefore(deadline)) {
            return result(WaitResult.Phase.FAILED, "timed out after " + timeout + " waiting for " + application
                    + " to be Synced and Healthy at " + ApplicationState.shortRevision(revision)
                    + "; last seen: " + state.summary(), state);
        }
        return result(WaitResult.Phase.PENDING, "waiting for " + application + ": " + state.summary(), state);
    }

    /**
     * Polls every {@code interval} until the outcome is known; the deadline bounds the loop. For the CLI
     * and tests: the engine uses {@link #poll()}.
     */
    public WaitResult await(Duration interval, Sleeper sleeper) throws ArgoCdException, InterruptedException {
        while (true) {
            WaitResult result = poll();
            if (result.isFinished()) {
                return result;
            }
            sleeper.sleep(interval);
        }
    }

    /** The time the expected state must be reached by. */
    public Instant deadline() {
        return deadline;
    }

    private static WaitResult result(WaitResult.Phase phase, String message, ApplicationState state) {
        return new WaitResult(phase, message, state);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Waits between polls: {@code Thread::sleep} on real time, advancing a simulated clock in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper realTime() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}
