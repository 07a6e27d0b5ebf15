package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.history.ReleaseHistory;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.deploy.RolloutListener;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a rollout step hands its runtime to get the rollout's ports: the spec and what is not in it.
 *
 * @param rolloutId   the id its commits and state carry
 * @param spec        validated; its {@code traffic:}, {@code cluster:} and {@code argocd:} choose where it runs
 * @param git         for the environment repository (never logged)
 * @param secrets     the variables the spec names ({@code tokenEnv}, traffic credentials): the build's environment,
 *                    with the values of the step's credentials ids over it; never kept beyond the session
 * @param stateDir    where the state goes
 * @param specDir     what the spec's relative paths (a judge's model) are relative to, or null
 * @param prometheus  where the canary's and baseline's metrics are when the rollout runs against a cluster, or null
 * @param canarySelector   PromQL label matchers of the canary's series in {@code prometheus}, or null for
 *                    {@code {app="<app>",track="canary"}}
 * @param baselineSelector PromQL label matchers of the baseline's series, or null for
 *                    {@code {app="<app>",track="baseline"}}
 * @param history     where the finished rollout is appended ({@link ReleaseHistory#NONE} for nowhere)
 * @param listener    progress
 * @param warnings    told, in one sentence, what went wrong but does not fail the rollout (a history not written)
 * @param trafficGit  the GitOps router's own login when {@code traffic.credentials} names a Jenkins
 *                    {@code credentialsId}, looked up for this session (never logged); null otherwise
 */
record RolloutSetup(String rolloutId, RolloutSpec spec, GitCredentials git, Function<String, String> secrets,
                    Path stateDir, Path specDir, URI prometheus, String canarySelector,
                    String baselineSelector, ReleaseHistory history, RolloutListener listener,
                    Consumer<String> warnings, GitCredentials trafficGit) {
    RolloutSetup {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(warnings, "warnings");
    }
}
