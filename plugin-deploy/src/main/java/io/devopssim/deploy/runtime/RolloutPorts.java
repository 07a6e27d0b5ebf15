package io.devopssim.deploy.runtime;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;

import java.util.Objects;
import java.util.function.Function;

/**
 * What the caller of {@link ClusterRuntime} brings for one rollout: the parts that are not in the spec.
 *
 * @param rolloutId      the id its commits and state carry
 * @param spec           the validated spec; its {@code traffic:}, {@code cluster:} and {@code argocd:} choose the rest
 * @param analysis       metrics and judge (the simulated fleet, Prometheus...): the caller's choice
 * @param simulator      the router when {@code traffic.router} is {@code simulator} (the caller's fleet); else unused, may be null
 * @param gitCredentials for the environment repository
 * @param env            environment variables, read for the secrets the spec names ({@code tokenEnv}, credentials)
 * @param store          where the state goes
 * @param listener       progress
 * @param chaos          runs the chaos steps
 * @param retry          commit retries
 * @param trafficGitCredentials the GitOps router's own repository login when {@code traffic.credentials} names a
 *                       {@code credentialsId} (resolved by Jenkins, which alone can read it); null otherwise
 */
public record RolloutPorts(String rolloutId, RolloutSpec spec, AnalysisRunner analysis, TrafficRouter simulator,
                           GitCredentials gitCredentials, Function<String, String> env, StateStore store,
                           RolloutListener listener, ChaosExperiments chaos, RolloutContext.RetryPolicy retry,
                           GitCredentials trafficGitCredentials) {
    /** Without a resolved {@code traffic.credentials.credentialsId}: the CLI's case. */
    public RolloutPorts(String rolloutId, RolloutSpec spec, AnalysisRunner analysis, TrafficRouter simulator,
                        GitCredentials gitCredentials, Function<String, String> env, StateStore store,
                        RolloutListener listener, ChaosExperiments chaos, RolloutContext.RetryPolicy retry) {
        this(rolloutId, spec, analysis, simulator, gitCredentials, env, store, listener, chaos, retry, null);
    }

    public RolloutPorts {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(gitCredentials, "gitCredentials");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(chaos, "chaos");
        Objects.requireNonNull(retry, "retry");
    }
}
