package io.devopssim.mlgate.jenkins;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code deploymentGate prometheusUrl: 'http://prometheus:9090/', canarySelector: '{app="shop",track="canary"}',
 * baselineSelector: '{app="shop",track="stable"}'}: judges the canary against the baseline over the last
 * {@code window} and returns {@code [verdict:, score:, reasons:]}, or fails the build per {@code failOn}.
 * The step only binds arguments; {@link DeploymentGateExecution} validates and runs them.
 */
public final class DeploymentGateStep extends Step {
    private String prometheusUrl;
    private String canarySelector;
    private String baselineSelector;
    private String window = GateRequest.DEFAULT_WINDOW;
    private String judge = GateRequest.DEFAULT_JUDGE;
    private String metrics;
    private String failOn = GateRequest.DEFAULT_FAIL_ON;
    private String model;
    private String threshold;
    private String stages;

    @DataBoundConstructor
    public DeploymentGateStep() {
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    /** Prometheus' (or Thanos Query's) root URL, http or https. Required. */
    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = blankToNull(prometheusUrl);
    }

    public String getCanarySelector() {
        return canarySelector;
    }

    /** PromQL label matchers of the canary, braces included. */
    @DataBoundSetter
    public void setCanarySelector(String canarySelector) {
        this.canarySelector = blankToNull(canarySelector);
    }

    public String getBaselineSelector() {
        return baselineSelector;
    }

    /** PromQL label matchers of the baseline, braces included. */
    @DataBoundSetter
    public void setBaselineSelector(String baselineSelector) {
        this.baselineSelector = blankToNull(baselineSelector);
    }

    public String getWindow() {
        return window;
    }

    /** How far back from now to judge, e.g. 5m (default). */
    @DataBoundSetter
    public void setWindow(String window) {
        this.window = blankToNull(window) == null ? GateRequest.DEFAULT_WINDOW : window.trim();
    }

    public String getJudge() {
        return judge;
    }

    /** threshold, mannWhitney (default), xgboost or combined. */
    @DataBoundSetter
    public void setJudge(String judge) {
        this.judge = blankToNull(judge) == null ? GateRequest.DEFAULT_JUDGE : judge.trim();
    }

    public String getMetrics() {
        return metrics;
    }

    /** Criteria, one a line: {@code error_rate max=0.02 maxRatio=2}; default error rate and p99 latency. */
    @DataBoundSetter
    public void setMetrics(String metrics) {
        this.metrics = blankToNull(metrics);
    }

    public String getFailOn() {
        return failOn;
    }

    /** Which verdicts fail the build: notPassed (default), failed, or never. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = blankToNull(failOn) == null ? GateRequest.DEFAULT_FAIL_ON : failOn.trim();
    }

    public String getModel() {
        return model;
    }

    /** For judge xgboost or combined: a model directory (its CURRENT version) or one version's directory. */
    @DataBoundSetter
    public void setModel(String model) {
        this.model = blankToNull(model) == null ? null : model.trim();
    }

    public String getThreshold() {
        return threshold;
    }

    /** The model's probability of a bad release at or above which it fails the release; default 0.5. */
    @DataBoundSetter
    public void setThreshold(String threshold) {
        this.threshold = blankToNull(threshold);
    }

    public String getStages() {
        return stages;
    }

    /** For judge combined: its stages in order, e.g. {@code threshold,mannWhitney,xgboost} (the default). */
    @DataBoundSetter
    public void setStages(String stages) {
        this.stages = blankToNull(stages);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new DeploymentGateExecution(context, request());
    }

    GateRequest request() {
        return new GateRequest(prometheusUrl, canarySelector, baselineSelector, window, judge, metrics, failOn, model,
                threshold, stages);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        // one small pool for every gate of this controller: start() hands the query here and returns
        private transient volatile ExecutorService pool;

        @Override
        public String getFunctionName() {
            return "deploymentGate";
        }

        @Override
        public String getDisplayName() {
            return "Deployment gate: judge a canary's Prometheus metrics against its baseline";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, Run.class);
        }

        ExecutorService pool() {
            ExecutorService p = pool;
            if (p == null) {
                synchronized (this) {
                    p = pool;
                    if (p == null) {
                        p = Executors.newFixedThreadPool(2, task -> {
                            Thread t = new Thread(task, "devsim deploymentGate");
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
