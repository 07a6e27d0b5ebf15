package io.devopssim.deploy.jenkins;

import hudson.EnvVars;
import hudson.model.TaskListener;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.core.time.Scheduler;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.time.Instant;

/**
 * What every deploy step's execution shares: asynchronous, {@link #start()} returns at once and the work
 * runs in transitions on the runtime's shared scheduler, so no thread waits between them; a controller
 * restart resumes in {@link #onResume()}; {@link #stop} waits for a transition in progress, then lets the
 * subclass take back what it started, then fails the step. Subclasses keep only serializable ids and
 * arguments, never a secret: credentials are looked up (Jenkins credentials, the build's environment) when needed.
 */
abstract class DeployStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private transient RolloutRuntime runtime;
    private transient volatile Scheduler.Cancellable next;
    /** Set by stop(): a transition already queued or running must not schedule another or complete the step. */
    private transient volatile boolean stopped;

    DeployStepExecution(StepContext context, RolloutRuntime runtime) {
        super(context);
        this.runtime = runtime;
    }

    /** For tests: what a restarted controller's {@link DeployRuntimeProvider} would provide. */
    void useRuntimeForTest(RolloutRuntime runtime) {
        this.runtime = runtime;
    }

    /** The Pipeline function name, for log lines and messages. */
    abstract String stepName();

    /**
     * Validates the arguments and starts the work; throws (an AbortException, for the user) before any side
     * effect when the input is bad.
     */
    abstract void begin() throws Exception;

    /** Re-attaches to the work after a restart (the step's state is what was serialized). */
    abstract void resume() throws Exception;

    /**
     * One transition: does what is due, and returns when to look again, or null once it completed the step
     * with {@link #succeed} or {@link #fail}.
     */
    abstract Instant advance() throws Exception;

    /** Takes back whatever the step started; called with no transition running. */
    abstract void halt(Throwable cause) throws Exception;

    @Override
    public final boolean start() throws Exception {
        begin();
        return false;
    }

    @Override
    public final void onResume() {
        try {
            resume();
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public final void stop(Throwable cause) throws Exception {
        stopped = true;
        cancelNext();
        try {
            synchronized (this) { // a transition in progress finishes first, so nothing is left half-done
                cancelNext();     // it may have scheduled another meanwhile
                halt(cause);
            }
        } finally {
            getContext().onFailure(cause);
        }
    }

    /** Runs {@link #advance()} now on the scheduler (replacing a later look that was due). */
    final void scheduleNow() {
        schedule(Instant.EPOCH);
    }

    final void schedule(Instant when) {
        cancelNext();
        if (!stopped) {
            next = runtime().scheduler().schedule(this::tick, when);
        }
    }

    final boolean isStopped() {
        return stopped;
    }

    private void cancelNext() {
        Scheduler.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
    }

    private synchronized void tick() {
        if (stopped) {
            return;
        }
        try {
            Instant again = advance();
            if (again != null && !stopped) {
                next = runtime().scheduler().schedule(this::tick, again);
            }
        } catch (Exception e) {
            fail(e);
        }
    }

    final void succeed(Object result) {
        if (!stopped) {
            getContext().onSuccess(result);
        }
    }

    final void fail(Throwable cause) {
        if (!stopped) {
            getContext().onFailure(cause);
        }
    }

    final void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            listener.getLogger().println("[" + stepName() + "] " + line);
        } catch (Exception e) {
            // the build log is gone (build finished or deleted); the state file still has the event
        }
    }

    /** The environment repository's login: a Jenkins credential or variables of the build's environment, read now. */
    final GitCredentials gitCredentials(CredentialsSpec c) throws IOException, InterruptedException {
        EnvVars env = getContext().get(EnvVars.class);
        return BuildGitCredentials.git(c, name -> env == null ? null : env.get(name), this::credential, stepName());
    }

    /** A credential of this step's build. */
    final DeploySecret credential(String credentialsId) throws IOException, InterruptedException {
        return runtime().credentials().find(getContext(), credentialsId, stepName());
    }

    final RolloutRuntime runtime() {
        if (runtime == null) {
            runtime = DeployRuntimeProvider.get();
        }
        return runtime;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
