package io.devopssim.deploy.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code waitForArgoCd application: 'checkout-prod', revision: commit}: completes when Argo CD reports the
 * Application Synced and Healthy at the revision; fails fast on a failed sync or Degraded health, or at the
 * timeout. Through the Application resource, or the REST API with {@code server} and {@code tokenEnv}.
 */
public final class WaitForArgoCdStep extends Step {
    private String application;
    private String revision;
    private String server;
    private String tokenEnv;
    private String namespace;
    private String timeout;
    private String interval;
    private boolean sync;

    @DataBoundConstructor
    public WaitForArgoCdStep() {
    }

    public String getApplication() {
        return application;
    }

    /** The Argo CD Application to wait for. */
    @DataBoundSetter
    public void setApplication(String application) {
        this.application = DeployStepExecution.blankToNull(application);
    }

    public String getRevision() {
        return revision;
    }

    /** The full commit id it must be Synced and Healthy at. */
    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = DeployStepExecution.blankToNull(revision);
    }

    public String getServer() {
        return server;
    }

    /** Argo CD's URL, to use its REST API (with tokenEnv); leave empty to read the Application resource. */
    @DataBoundSetter
    public void setServer(String server) {
        this.server = DeployStepExecution.blankToNull(server);
    }

    public String getTokenEnv() {
        return tokenEnv;
    }

    /** Environment variable holding the Argo CD API token (withCredentials). */
    @DataBoundSetter
    public void setTokenEnv(String tokenEnv) {
        this.tokenEnv = DeployStepExecution.blankToNull(tokenEnv);
    }

    public String getNamespace() {
        return namespace;
    }

    /** Namespace of the Application resources, without server (default argocd). */
    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = DeployStepExecution.blankToNull(namespace);
    }

    public String getTimeout() {
        return timeout;
    }

    /** How long to wait at most, e.g. 10m (default). */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = DeployStepExecution.blankToNull(timeout);
    }

    public String getInterval() {
        return interval;
    }

    /** How often to look, e.g. 10s (default). */
    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = DeployStepExecution.blankToNull(interval);
    }

    public boolean isSync() {
        return sync;
    }

    /** Ask for a hard refresh and a sync to the revision first (for Applications without auto-sync). */
    @DataBoundSetter
    public void setSync(boolean sync) {
        this.sync = sync;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new WaitForArgoCdExecution(context, new ArgoCdWaitRequest(application, revision, server, tokenEnv, namespace, timeout, interval, sync), null);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "waitForArgoCd";
        }

        @Override
        public String getDisplayName() {
            return "Wait until Argo CD has synced a revision and the application is healthy";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
