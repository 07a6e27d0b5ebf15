package io.devopssim.multicloud;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.RolloutContext;

import java.util.Objects;

/**
 * Everything one wave plan runs against: the plan, the registry, and one implementation of each port.
 *
 * @param planId         the id its state and its own commits carry
 * @param plan           what to roll out where, validated
 * @param registry       the clusters the plan names
 * @param rollouts       makes each cluster's rollout engine
 * @param health         looks at a cluster's health
 * @param promoter       the environment repository (sizing commits, reverts)
 * @param gitCredentials for the environment repository (never logged)
 * @param weights        the clusters' traffic weights, or null when the plan has no {@code traffic:}
 * @param forecaster     forecasts load for replica sizing (used only when the plan sizes)
 * @param store          where the plan's state goes after every transition
 * @param clock          real or simulated time
 * @param listener       progress
 * @param retry          how often and how far apart a failed commit is retried
 */
public record WaveContext(String planId, WavePlan plan, ClusterRegistry registry, ClusterRollouts rollouts,
                          ClusterHealthCheck health, Promoter promoter, GitCredentials gitCredentials, TrafficWeights weights,
                          LoadForecaster forecaster, WaveStateStore store, Clock clock, WaveListener listener,
                          RolloutContext.RetryPolicy retry) {
    public WaveContext {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(promoter, "promoter");
        Objects.requireNonNull(gitCredentials, "gitCredentials");
        Objects.requireNonNull(forecaster, "forecaster");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(retry, "retry");
        if (plan.failover() == FailoverPolicy.SHIFT && weights == null) {
            throw new IllegalArgumentException("failover shift needs the traffic weights");
        }
    }
}
