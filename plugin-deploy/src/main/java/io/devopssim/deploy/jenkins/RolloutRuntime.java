package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.core.time.Scheduler;
import io.devopssim.deploy.argocd.ArgoCdApplications;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the deploy steps run against: one per controller ({@link DeployRuntimeProvider}), replaced by a test
 * runtime in tests. Holds no per-build state.
 */
public interface RolloutRuntime {

    /** Fires every step's next transition; one small pool for all of them. */
    Scheduler scheduler();

    Clock clock();

    /** Rollouts paused for approval, so an approval from the build page resumes them at once. */
    RolloutWakeups wakeups();

    /** The build a step runs in. */
    BuildRef build(StepContext context) throws IOException, InterruptedException;

    /**
     * The ports of one rollout; an {@link IllegalArgumentException} when the spec cannot run here (a judge no
     * installed plugin provides, an unusable model).
     *
     * @param specDir what the spec's relative paths (a judge's model) are relative to, or null
     */
    RolloutContext context(String rolloutId, RolloutSpec spec, GitCredentials credentials, Path stateDir,
                           Path specDir, RolloutListener listener);

    /** The environment repositories, shared by every step (it keeps one clone per repository). */
    GitPromoter promoter();

    /** Argo CD's Applications through the Kubernetes API or the REST API, as {@code endpoint} says. */
    ArgoCdApplications argoCd(ArgoCdEndpoint endpoint);
}
