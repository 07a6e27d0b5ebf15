package io.devopssim.mlgate.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopssim.mlgate.gate.TrainingParams;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code trainDeploymentGate history: 'gate/history.jsonl', modelDir: 'gate/models'}: trains the deployment
 * gate's XGBoost model from release history and makes it current only if it is not worse than the current
 * one on held-back examples; returns {@code [version:, promoted:, current:, reason:, commit:]}. A refused
 * model marks the build unstable, fails it, or neither, per {@code onRefused}. The step only binds
 * arguments; {@link TrainDeploymentGateExecution} validates and runs them.
 */
public final class TrainDeploymentGateStep extends Step {
    private String history;
    private String modelDir;
    private int simulatedReleases;
    private String falseRollbackRate;
    private String tolerance;
    private String heldOut;
    private int rounds = TrainingParams.DEFAULT.rounds();
    private boolean replaceIncompatible;
    private String gitRepo;
    private String gitBranch;
    private String gitPath;
    private String gitUsernameEnv;
    private String gitPasswordEnv;
    private String onRefused = TrainGateRequest.DEFAULT_ON_REFUSED;

    @DataBoundConstructor
    public TrainDeploymentGateStep() {
    }

    public String getHistory() {
        return history;
    }

    /** The release history in the workspace, e.g. a history.jsonl archived from rollouts. */
    @DataBoundSetter
    public void setHistory(String history) {
        this.history = trim(history);
    }

    public String getModelDir() {
        return modelDir;
    }

    /** The model directory: relative to the workspace (which must be on the controller) or absolute. Required. */
    @DataBoundSetter
    public void setModelDir(String modelDir) {
        this.modelDir = trim(modelDir);
    }

    public int getSimulatedReleases() {
        return simulatedReleases;
    }

    /** Simulated releases added to the history to bootstrap; 0 (default) for none. */
    @DataBoundSetter
    public void setSimulatedReleases(int simulatedReleases) {
        this.simulatedReleases = simulatedReleases;
    }

    public String getFalseRollbackRate() {
        return falseRollbackRate;
    }

    /** Share of healthy releases the gate may roll back, where the models' recall is compared; default 0.01. */
    @DataBoundSetter
    public void setFalseRollbackRate(String falseRollbackRate) {
        this.falseRollbackRate = trim(falseRollbackRate);
    }

    public String getTolerance() {
        return tolerance;
    }

    /** Recall the new model may lose and still count as not worse; default 0.02. */
    @DataBoundSetter
    public void setTolerance(String tolerance) {
        this.tolerance = trim(tolerance);
    }

    public String getHeldOut() {
        return heldOut;
    }

    /** Share of examples held back from training to compare the models on; default 0.25. */
    @DataBoundSetter
    public void setHeldOut(String heldOut) {
        this.heldOut = trim(heldOut);
    }

    public int getRounds() {
        return rounds;
    }

    /** Boosting rounds; default 60. */
    @DataBoundSetter
    public void setRounds(int rounds) {
        this.rounds = rounds;
    }

    public boolean isReplaceIncompatible() {
        return replaceIncompatible;
    }

    /** Make the new model current without a comparison when the current one reads another feature schema. */
    @DataBoundSetter
    public void setReplaceIncompatible(boolean replaceIncompatible) {
        this.replaceIncompatible = replaceIncompatible;
    }

    public String getGitRepo() {
        return gitRepo;
    }

    /** Also commit a promoted model to this Git repository (http(s) or file URL, no credentials in it). */
    @DataBoundSetter
    public void setGitRepo(String gitRepo) {
        this.gitRepo = trim(gitRepo);
    }

    public String getGitBranch() {
        return gitBranch;
    }

    @DataBoundSetter
    public void setGitBranch(String gitBranch) {
        this.gitBranch = trim(gitBranch);
    }

    public String getGitPath() {
        return gitPath;
    }

    /** Directory in the repository that holds the models; default its root. */
    @DataBoundSetter
    public void setGitPath(String gitPath) {
        this.gitPath = trim(gitPath);
    }

    public String getGitUsernameEnv() {
        return gitUsernameEnv;
    }

    /** Environment variable with the Git user name (set by withCredentials). */
    @DataBoundSetter
    public void setGitUsernameEnv(String gitUsernameEnv) {
        this.gitUsernameEnv = trim(gitUsernameEnv);
    }

    public String getGitPasswordEnv() {
        return gitPasswordEnv;
    }

    /** Environment variable with the Git password or token (set by withCredentials). */
    @DataBoundSetter
    public void setGitPasswordEnv(String gitPasswordEnv) {
        this.gitPasswordEnv = trim(gitPasswordEnv);
    }

    public String getOnRefused() {
        return onRefused;
    }

    /** What a model worse than the current one does to the build: unstable (default), fail, or ignore. */
    @DataBoundSetter
    public void setOnRefused(String onRefused) {
        this.onRefused = trim(onRefused) == null ? TrainGateRequest.DEFAULT_ON_REFUSED : onRefused.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new TrainDeploymentGateExecution(context, request());
    }

    TrainGateRequest request() {
        return new TrainGateRequest(history, modelDir, simulatedReleases, falseRollbackRate, tolerance, heldOut, rounds,
                replaceIncompatible, gitRepo, gitBranch, gitPath, gitUsernameEnv, gitPasswordEnv, onRefused);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        // trainings are CPU-bound: one at a time per controller, off the Pipeline threads
        private transient volatile ExecutorService pool;

        @Override
        public String getFunctionName() {
            return "trainDeploymentGate";
        }

        @Override
        public String getDisplayName() {
            return "Train the deployment gate's model from release history (gated on held-back releases)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, Run.class, EnvVars.class);
        }

        ExecutorService pool() {
            ExecutorService p = pool;
            if (p == null) {
                synchronized (this) {
                    p = pool;
                    if (p == null) {
                        p = Executors.newSingleThreadExecutor(task -> {
                            Thread t = new Thread(task, "devsim trainDeploymentGate");
                            t.setDaemon(true);
                            return t;
                        });
                        pool = p;
                    }
                }
            }
            return p;
        }
    }
}
