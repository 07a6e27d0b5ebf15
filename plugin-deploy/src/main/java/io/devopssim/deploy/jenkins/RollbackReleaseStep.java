package io.devopssim.deploy.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code rollbackRelease rolloutId: 'checkout-1.5.0-build_7', repo: '...'} (or {@code specFile:}): reverts
 * the commits that rollout made to the environment repository, newest first, and returns the reverts' ids.
 */
public final class RollbackReleaseStep extends Step {
    private String rolloutId;
    private String specFile;
    private String repo;
    private String branch;
    private String usernameEnv;
    private String passwordEnv;
    private String credentialsId;
    private String reason;

    @DataBoundConstructor
    public RollbackReleaseStep() {
    }

    public String getRolloutId() {
        return rolloutId;
    }

    /** The rollout whose commits are reverted (the Rollout-Id trailer of its commits). */
    @DataBoundSetter
    public void setRolloutId(String rolloutId) {
        this.rolloutId = DeployStepExecution.blankToNull(rolloutId);
    }

    public String getSpecFile() {
        return specFile;
    }

    /** Workspace-relative rollout spec: its gitops section names the repository. */
    @DataBoundSetter
    public void setSpecFile(String specFile) {
        this.specFile = DeployStepExecution.blankToNull(specFile);
    }

    public String getRepo() {
        return repo;
    }

    /** Environment repository URL (http, https, file or a path). */
    @DataBoundSetter
    public void setRepo(String repo) {
        this.repo = DeployStepExecution.blankToNull(repo);
    }

    public String getBranch() {
        return branch;
    }

    /** Branch of the commits (default main). */
    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = DeployStepExecution.blankToNull(branch);
    }

    public String getUsernameEnv() {
        return usernameEnv;
    }

    /** Environment variable with the Git user name (withCredentials). */
    @DataBoundSetter
    public void setUsernameEnv(String usernameEnv) {
        this.usernameEnv = DeployStepExecution.blankToNull(usernameEnv);
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    /** Environment variable with the Git password or token (withCredentials). */
    @DataBoundSetter
    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = DeployStepExecution.blankToNull(passwordEnv);
    }

    public String getReason() {
        return reason;
    }

    /** Why, for the revert commits' messages; default: the build. */
    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = DeployStepExecution.blankToNull(reason);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A username-with-password credential for the environment repository (instead of usernameEnv/passwordEnv). */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = DeployStepExecution.blankToNull(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RollbackReleaseExecution(context, new RollbackRequest(rolloutId, specFile, repo, branch, usernameEnv, passwordEnv, reason,
                credentialsId), null);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "rollbackRelease";
        }

        @Override
        public String getDisplayName() {
            return "Roll a release back by reverting its Git commits";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
