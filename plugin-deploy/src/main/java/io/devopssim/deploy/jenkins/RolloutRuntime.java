package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.RolloutScheduler;

import java.nio.file.Path;

/** What a step execution runs against; one per controller, reached through the step's descriptor. */
public interface RolloutRuntime {

    RolloutScheduler scheduler();

    RolloutContext context(String rolloutId, RolloutSpec spec, GitCredentials credentials, Path stateDir,
                           RolloutListener listener);
}
