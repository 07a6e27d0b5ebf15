package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutScheduler;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.nio.file.Path;

/**
 * Asynchronous: {@link #start()} returns at once and the rollout's transitions run on the shared
 * scheduler, each one saved, so no thread waits and a controller restart resumes in {@link #onResume()}.
 * Only the spec text and ids are serialized with the Pipeline program; never a secret.
 */
public final class CanaryRolloutExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final String LOG_PREFIX = "[canaryRollout] ";

    private final CanaryRolloutRequest request;
    private String specYaml;
    private String rolloutId;
    private String stateDir;

    private transient RolloutRuntime runtime;
    private transient CanaryEngine engine;
    private transient RolloutScheduler.Cancellable next;

    CanaryRolloutExecution(StepContext context, CanaryRolloutRequest request) {
        super(context);
        this.request = request;
    }

    /** For tests: run against a given runtime instead of the controller's. */
    CanaryRolloutExecution(StepContext context, CanaryRolloutRequest request, RolloutRuntime runtime) {
        this(context, request);
        this.runtime = runtime;
    }

    /** For tests: what a restarted controller's descriptor would provide. */
    void useRuntimeForTest(RolloutRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean start() throws Exception {
        RolloutRuntime.BuildRef build = runtime().build(getContext());
        specYaml = readSpecText();
        RolloutSpec spec = parse(specYaml); // bad input fails here, before any side effect
        if (spec.steps().stream().anyMatch(st -> st instanceof StepSpec.Pause p && p.untilApproved())) {
            throw new AbortException("canaryRollout: pause: {} (until approved) needs approval from the build page,"
                    + " which this version does not have yet; use pause: {duration: ...}, or devsim approve with devsim rollout");
        }
        rolloutId = request.rolloutId() != null ? request.rolloutId() : defaultId(build, spec);
        stateDir = build.rootDir().resolve("devsim-rollouts").toString();
        engine = newEngine(spec);
        try {
            engine.start();
        } catch (RolloutException e) {
            throw new AbortException(e.getMessage());
        }
        scheduleNow();
        return false;
    }

    @Override
    public void onResume() {
        try {
            engine = newEngine(parse(specYaml));
            engine.start(); // loads the saved state and puts the router back where it was
            scheduleNow();
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        RolloutScheduler.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
        try {
            if (engine != null) {
                // roll back now, not later: a stopped build must not leave traffic on the canary
                engine.abort(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                engine.advance();
            }
        } finally {
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        return rolloutId == null ? "starting" : "rollout " + rolloutId;
    }

    private synchronized void tick() {
        try {
            RolloutState s = engine.advance();
            if (s.phase().isTerminal()) {
                finish(s);
            } else {
                next = runtime().scheduler().schedule(this::tick, s.waitUntil());
            }
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    private void finish(RolloutState s) throws Exception {
        if (s.phase() == RolloutPhase.PROMOTED) {
            getContext().onSuccess(s.phase().name());
        } else if (s.phase() == RolloutPhase.ROLLED_BACK && !request.failOnRollback()) {
            log("rolled back; the build goes on because failOnRollback is false");
            getContext().onSuccess(s.phase().name());
        } else {
            getContext().onFailure(new AbortException("canaryRollout " + s.rolloutId() + " "
                    + s.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + s.outcome()));
        }
    }

    private void scheduleNow() {
        next = runtime().scheduler().schedule(this::tick, java.time.Instant.EPOCH);
    }

    private CanaryEngine newEngine(RolloutSpec spec) throws Exception {
        GitCredentials credentials = credentials(spec.gitops().credentials(), getContext().get(EnvVars.class));
        return new CanaryEngine(runtime().context(rolloutId, spec, credentials, Path.of(stateDir),
                (state, event) -> log(event.message())));
    }

    private void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            listener.getLogger().println(LOG_PREFIX + line);
        } catch (Exception e) {
            // the build log is gone (build finished or deleted); the state file still has the event
        }
    }

    private String readSpecText() throws Exception {
        if ((request.spec() == null) == (request.specFile() == null)) {
            throw new AbortException("canaryRollout needs exactly one of specFile or spec");
        }
        if (request.spec() != null) {
            return request.spec();
        }
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            throw new AbortException("canaryRollout specFile needs a workspace: call it inside node { }");
        }
        FilePath file = workspace.child(request.specFile());
        if (!file.exists()) {
            throw new AbortException("canaryRollout: spec file " + request.specFile() + " not found in the workspace");
        }
        return file.readToString();
    }

    private static RolloutSpec parse(String yaml) throws AbortException {
        try {
            return new RolloutSpecReader().read(yaml);
        } catch (InvalidSpecException e) {
            throw new AbortException("canaryRollout: invalid rollout spec:\n" + e.getMessage());
        }
    }

    /** Credentials come from the build's environment, e.g. set by withCredentials; never stored. */
    static GitCredentials credentials(CredentialsSpec c, EnvVars env) throws AbortException {
        if (c == null || (c.usernameEnv() == null && c.credentialsId() == null)) {
            return GitCredentials.ANONYMOUS;
        }
        if (c.credentialsId() != null) {
            throw new AbortException("canaryRollout: gitops.credentials.credentialsId is not supported yet; wrap the step in"
                    + " withCredentials([usernamePassword(...)]) and name the variables in usernameEnv and passwordEnv");
        }
        String user = env == null ? null : env.get(c.usernameEnv());
        String password = env == null ? null : env.get(c.passwordEnv());
        if (user == null || password == null) {
            throw new AbortException("canaryRollout: environment variables " + c.usernameEnv() + " and " + c.passwordEnv()
                    + " must both be set (withCredentials)");
        }
        return new GitCredentials(user, password.toCharArray());
    }

    private static String defaultId(RolloutRuntime.BuildRef build, RolloutSpec spec) {
        String id = build.externalizableId().replaceAll("[^A-Za-z0-9._-]", "_");
        return spec.app() + "-" + spec.image().tag() + "-" + id;
    }

    private RolloutRuntime runtime() {
        if (runtime == null) {
            runtime = ExtensionList.lookupSingleton(CanaryRolloutStep.DescriptorImpl.class).runtime();
        }
        return runtime;
    }
}
