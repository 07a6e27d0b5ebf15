package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.time.Clock;
import io.devopssim.core.time.Scheduler;
import io.devopssim.deploy.argocd.ArgoCdApplications;
import io.devopssim.deploy.runtime.RuntimeSetupException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

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
     * The ports of one rollout, on the simulated fleet or against the cluster its spec names, with what they hold
     * open; the caller closes the session when the rollout ends or the step stops.
     *
     * @throws RuntimeSetupException    a secret not set, a cluster or router object that cannot be used, analyses
     *                                  against a cluster without Prometheus: before anything started
     * @throws IllegalArgumentException a judge no installed plugin provides, an unusable model
     */
    RolloutSession open(RolloutSetup setup) throws RuntimeSetupException;

    /** The build's Jenkins credentials, by id. */
    DeployCredentials credentials();

    /** The environment repositories, shared by every step (it keeps one clone per repository). */
    GitPromoter promoter();

    /** Argo CD's Applications through the Kubernetes API or the REST API, as {@code endpoint} says. */
    ArgoCdApplications argoCd(ArgoCdEndpoint endpoint);
}
