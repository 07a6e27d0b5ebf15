package io.devopssim.deploy.jenkins;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The arguments every rollout step takes ({@code canaryRollout}, {@code blueGreenRollout}, {@code rollingUpdate}):
 * the spec, from a workspace file or inline, the rollout id, whether a rollback fails the build, and what a rollout
 * against a cluster needs besides its spec (Prometheus and its selectors, credentials ids for the tokens the spec
 * names). Its views
 * ({@code config.jelly}, one help file per field) serve all three; each step has its own {@code help.html}.
 */
public abstract class RolloutStep extends Step {
    private String specFile;
    private String spec;
    private String rolloutId;
    private boolean failOnRollback = true;
    private String prometheusUrl;
    private String clusterCredentialsId;
    private String argoCdCredentialsId;
    private String historyFile;
    private String canarySelector;
    private String baselineSelector;

    public String getSpecFile() {
        return specFile;
    }

    /** Workspace-relative path of the rollout spec (YAML). */
    @DataBoundSetter
    public void setSpecFile(String specFile) {
        this.specFile = DeployStepExecution.blankToNull(specFile);
    }

    public String getSpec() {
        return spec;
    }

    /** The rollout spec itself, inline (YAML). */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = DeployStepExecution.blankToNull(spec);
    }

    public String getRolloutId() {
        return rolloutId;
    }

    /** Id carried by the rollout's commits; default: derived from the build. */
    @DataBoundSetter
    public void setRolloutId(String rolloutId) {
        this.rolloutId = DeployStepExecution.blankToNull(rolloutId);
    }

    public boolean isFailOnRollback() {
        return failOnRollback;
    }

    /** Fail the build when the rollout is rolled back (default true). */
    @DataBoundSetter
    public void setFailOnRollback(boolean failOnRollback) {
        this.failOnRollback = failOnRollback;
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    /** Prometheus (or Thanos Query) for the analyses of a rollout against a cluster. */
    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = DeployStepExecution.blankToNull(prometheusUrl);
    }

    public String getClusterCredentialsId() {
        return clusterCredentialsId;
    }

    /** A secret text credential: the token of the variable the spec's {@code cluster.tokenEnv} names. */
    @DataBoundSetter
    public void setClusterCredentialsId(String clusterCredentialsId) {
        this.clusterCredentialsId = DeployStepExecution.blankToNull(clusterCredentialsId);
    }

    public String getArgoCdCredentialsId() {
        return argoCdCredentialsId;
    }

    /** A secret text credential: the token of the variable the spec's {@code argocd.tokenEnv} names. */
    @DataBoundSetter
    public void setArgoCdCredentialsId(String argoCdCredentialsId) {
        this.argoCdCredentialsId = DeployStepExecution.blankToNull(argoCdCredentialsId);
    }

    public String getHistoryFile() {
        return historyFile;
    }

    /** Workspace-relative release history the finished rollout is appended to (default: the build's own). */
    @DataBoundSetter
    public void setHistoryFile(String historyFile) {
        this.historyFile = DeployStepExecution.blankToNull(historyFile);
    }

    public String getCanarySelector() {
        return canarySelector;
    }

    /** PromQL label matchers of the canary's series, braces included; default {@code {app="<app>",track="canary"}}. */
    @DataBoundSetter
    public void setCanarySelector(String canarySelector) {
        this.canarySelector = DeployStepExecution.blankToNull(canarySelector);
    }

    public String getBaselineSelector() {
        return baselineSelector;
    }

    /** PromQL label matchers of the baseline's series, braces included; default {@code {app="<app>",track="baseline"}}. */
    @DataBoundSetter
    public void setBaselineSelector(String baselineSelector) {
        this.baselineSelector = DeployStepExecution.blankToNull(baselineSelector);
    }

    /** The arguments as one value for the execution. */
    RolloutRequest request() {
        return new RolloutRequest(specFile, spec, rolloutId, failOnRollback, prometheusUrl, clusterCredentialsId,
                argoCdCredentialsId, historyFile, canarySelector, baselineSelector);
    }
}
