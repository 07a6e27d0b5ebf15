package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.history.HistoryFormatException;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.mlgate.gate.ModelException;
import io.devopssim.mlgate.training.GateTraining;
import io.devopssim.mlgate.training.ModelGitTarget;
import io.devopssim.mlgate.training.NamedHistory;
import io.devopssim.mlgate.training.TrainingException;
import io.devopssim.mlgate.training.TrainingOutcome;
import io.devopssim.mlgate.training.TrainingRequest;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Asynchronous, like a synchronous non-blocking step: {@link #start()} validates the arguments and resolves
 * the model directory (failing before anything is read or written), then the training runs on the
 * descriptor's single thread and the step completes from there; no Pipeline thread waits. {@link #stop}
 * interrupts it, which stops it between simulated releases or boosting rounds with nothing stored. A
 * training is not resumable: after a controller restart the step fails and is to be run again (a version it
 * had stored, if any, is not current).
 */
public final class TrainDeploymentGateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final String LOG_PREFIX = "[trainDeploymentGate] ";

    private final TrainGateRequest request;
    private transient ExecutorService pool;
    private transient Clock clock;
    private transient BuildAccess build;
    private transient volatile Future<?> running;

    TrainDeploymentGateExecution(StepContext context, TrainGateRequest request) {
        super(context);
        this.request = request;
    }

    /** For tests: a given pool, clock and build instead of the controller's. */
    TrainDeploymentGateExecution(StepContext context, TrainGateRequest request, ExecutorService pool, Clock clock,
                                 BuildAccess build) {
        this(context, request);
        this.pool = pool;
        this.clock = clock;
        this.build = build;
    }

    @Override
    public boolean start() throws Exception {
        TrainGateRequest.Validated v = request.validate();
        Path modelDir = build().localDirectory(v.modelDir());
        ModelGitTarget git = v.gitRepo() == null ? null
                : new ModelGitTarget(v.gitRepo(), v.gitBranch(), v.gitPath(), credentials(v));
        log("training into " + modelDir + (v.history() == null ? "" : " from " + v.history())
                + (v.simulatedReleases() == 0 ? "" : " with " + v.simulatedReleases() + " simulated releases"));
        running = pool().submit(() -> run(v, modelDir, git));
        return false;
    }

    private void run(TrainGateRequest.Validated v, Path modelDir, ModelGitTarget git) {
        try {
            List<NamedHistory> history = v.history() == null ? List.of()
                    : List.of(new NamedHistory(v.history(), JsonLinesHistory.parse(build().readWorkspaceFile(v.history()), v.history())));
            TrainingRequest training = new TrainingRequest(history, modelDir, v.simulatedReleases(), v.params(), v.criterion(),
                    v.heldOut(), v.replaceIncompatible(), git);
            TrainingOutcome outcome;
            try (GitPromoter promoter = git == null ? null : new GitPromoter(PromoterOptions.defaults())) {
                outcome = new GateTraining(clock == null ? Clock.systemUTC() : clock, promoter).run(training, this::log);
            }
            if (Thread.currentThread().isInterrupted()) {
                return; // stopped: stop() has already completed the step
            }
            finish(v, outcome);
        } catch (CancellationException stopped) {
            // stop() has completed the step
        } catch (TrainingException | HistoryFormatException | ModelException e) {
            fail(new AbortException("trainDeploymentGate: " + e.getMessage()));
        } catch (Exception e) {
            fail(e);
        }
    }

    /** Unless stopped: stop() has completed the step already, with its own cause. */
    private void fail(Throwable t) {
        if (!Thread.currentThread().isInterrupted()) {
            getContext().onFailure(t);
        }
    }

    private void finish(TrainGateRequest.Validated v, TrainingOutcome outcome) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", outcome.version());
        result.put("promoted", outcome.decision().promoted());
        result.put("current", outcome.decision().promoted() ? outcome.version() : outcome.decision().previous());
        result.put("recall", outcome.decision().candidateOnHeldOut().recall());
        result.put("previousRecall", outcome.decision().previousOnHeldOut() == null ? null
                : outcome.decision().previousOnHeldOut().recall());
        result.put("reason", outcome.decision().reason());
        result.put("commit", outcome.commitId());
        if (outcome.decision().promoted()) {
            log(outcome.version() + " is the current model" + (outcome.commitId() == null ? "" : ", committed as " + outcome.commitId()));
            getContext().onSuccess(result);
            return;
        }
        switch (v.onRefused()) {
            case "fail" -> getContext().onFailure(new AbortException("trainDeploymentGate: " + outcome.decision().reason()));
            case "unstable" -> {
                log(outcome.version() + " stays unused; the build is marked unstable (onRefused: unstable)");
                build().markUnstable();
                getContext().onSuccess(result);
            }
            default -> {
                log(outcome.version() + " stays unused (onRefused: ignore)");
                getContext().onSuccess(result);
            }
        }
    }

    /** From the build's environment (withCredentials); the values are never logged or stored. */
    private GitCredentials credentials(TrainGateRequest.Validated v) throws Exception {
        if (v.gitUsernameEnv() == null) {
            return GitCredentials.ANONYMOUS;
        }
        EnvVars env = getContext().get(EnvVars.class);
        String user = env == null ? null : env.get(v.gitUsernameEnv());
        String password = env == null ? null : env.get(v.gitPasswordEnv());
        if (user == null || password == null) {
            throw new AbortException("trainDeploymentGate: environment variables " + v.gitUsernameEnv() + " and "
                    + v.gitPasswordEnv() + " must both be set (withCredentials)");
        }
        return new GitCredentials(user, password.toCharArray());
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> f = running;
        if (f != null) {
            f.cancel(true);
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException("trainDeploymentGate: the controller restarted during the training;"
                + " run the step again (the model directory's CURRENT names the model in use)"));
    }

    @Override
    public String getStatus() {
        return running == null ? "validating" : "training into " + request.modelDir();
    }

    private void log(String line) {
        try {
            getContext().get(TaskListener.class).getLogger().println(LOG_PREFIX + line);
        } catch (Exception e) {
            // the build log is gone (build finished or deleted); the outcome still reaches the step
        }
    }

    private BuildAccess build() {
        if (build == null) {
            build = BuildAccess.of(getContext());
        }
        return build;
    }

    private ExecutorService pool() {
        if (pool == null) {
            pool = ExtensionList.lookupSingleton(TrainDeploymentGateStep.DescriptorImpl.class).pool();
        }
        return pool;
    }
}
