package io.devopssim.multicloud.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.time.Scheduler;
import io.devopssim.multicloud.ClusterClients;
import io.devopssim.multicloud.ClusterHealthCheck;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.CredentialResolver;
import io.devopssim.multicloud.WaveEngine;
import io.devopssim.multicloud.WaveListener;
import io.devopssim.multicloud.WavePlan;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/** What the steps run against; one per controller, reached through a step's descriptor. */
public interface WaveRuntime {

    /** Fires each plan's next transition when due: no thread waits while a wave does. */
    Scheduler scheduler();

    /** Runs health checks, whose requests can take seconds, off the Pipeline's thread. */
    ExecutorService checks();

    /** The controller's cluster registry (global configuration), validated. */
    ClusterRegistry registry() throws InvalidSpecException;

    BuildAccess builds();

    CredentialsAccess credentials();

    /** One client per cluster of a step, closed with it. */
    ClusterClients clients(CredentialResolver credentials);

    ClusterHealthCheck health(ClusterClients clients);

    /** The plans waiting for approval on this controller, which the build page's Approve and Abort reach. */
    WavePauses pauses();

    /**
     * The engine of one plan, over this runtime's clusters, repository and time. Opening it again for the same
     * plan id and state folder resumes it.
     */
    WaveEngine engine(String planId, WavePlan plan, ClusterRegistry registry, GitCredentials git, ClusterClients clients,
                      Path stateDir, WaveListener listener);
}
