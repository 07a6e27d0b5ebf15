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
 * {@code promoteRelease repo: '...', file: 'apps/checkout/values.yaml', helm: 'image.tag', value: '1.5.0'}
 * (or {@code specFile: 'rollout.yaml'}): commits one version to one environment, without a canary, and
 * returns the commit id (for {@code waitForArgoCd}). The step only binds arguments.
 */
public final class PromoteReleaseStep extends Step {
    private String specFile;
    private String repo;
    private String branch;
    private String file;
    private String yaml;
    private String helm;
    private String kustomizeImage;
    private String value;
    private String usernameEnv;
    private String passwordEnv;
    private String credentialsId;
    private String rolloutId;

    @DataBoundConstructor
    public PromoteReleaseStep() {
    }

    public String getSpecFile() {
        return specFile;
    }

    /** Workspace-relative rollout spec: its gitops section is the target and its image the value. */
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

    /** Branch to commit to (default main). */
    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = DeployStepExecution.blankToNull(branch);
    }

    public String getFile() {
        return file;
    }

    /** Manifest path inside the repository. */
    @DataBoundSetter
    public void setFile(String file) {
        this.file = DeployStepExecution.blankToNull(file);
    }

    public String getYaml() {
        return yaml;
    }

    /** YAML path of the value, e.g. spec.template.spec.containers[0].image. */
    @DataBoundSetter
    public void setYaml(String yaml) {
        this.yaml = DeployStepExecution.blankToNull(yaml);
    }

    public String getHelm() {
        return helm;
    }

    /** Helm values key of the value, e.g. image.tag. */
    @DataBoundSetter
    public void setHelm(String helm) {
        this.helm = DeployStepExecution.blankToNull(helm);
    }

    public String getKustomizeImage() {
        return kustomizeImage;
    }

    /** Kustomize image name whose newTag is the value. */
    @DataBoundSetter
    public void setKustomizeImage(String kustomizeImage) {
        this.kustomizeImage = DeployStepExecution.blankToNull(kustomizeImage);
    }

    public String getValue() {
        return value;
    }

    /** The value to commit. */
    @DataBoundSetter
    public void setValue(String value) {
        this.value = DeployStepExecution.blankToNull(value);
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

    public String getRolloutId() {
        return rolloutId;
    }

    /** Id the commit carries; default: from the build and the target. */
    @DataBoundSetter
    public void setRolloutId(String rolloutId) {
        this.rolloutId = DeployStepExecution.blankToNull(rolloutId);
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
        return new PromoteReleaseExecution(context, new PromoteRequest(specFile, repo, branch, file, yaml, helm, kustomizeImage, value, usernameEnv, passwordEnv, rolloutId,
                credentialsId), null);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "promoteRelease";
        }

        @Override
        public String getDisplayName() {
            return "Promote one version to one environment by Git commit";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
