package io.devopssim.deploy;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.forecast.RequestRateForecasts;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.core.traffic.TrafficRouter;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything one rollout runs against: its spec and one implementation of each port.
 *
 * @param rolloutId      the id its commits and state carry
 * @param spec           what to roll out, validated
 * @param router         shifts traffic
 * @param analysis       fetches metrics and judges a window
 * @param promoter       the environment repository
 * @param gitCredentials for the environment repository (never logged)
 * @param store          where state goes after every transition
 * @param clock          real or simulated time
 * @param listener       progress
 * @param retry          how often and how far apart a failed commit is retried
 * @param chaos          runs the chaos steps ({@link ChaosExperiments#NONE} refuses them)
 * @param verifier       confirms the deployment reached the promotion commit ({@link DeploymentVerifier#NONE} trusts it)
 * @param analyses       judges the analyses beside the canary steps' (a blue-green preview, criteria of their own);
 *                       by default {@link Analyses#of} over {@code analysis}
 * @param history        told when the rollout ends, to keep it as a labelled example ({@link RolloutHistory#NONE} keeps nothing)
 * @param forecasts      the service's forecast request rate, for {@code setCanaryScale: {forecast: ...}}
 *                       ({@link RequestRateForecasts#NONE} refuses such a step before the rollout starts)
 */
public record RolloutContext(String rolloutId, RolloutSpec spec, TrafficRouter router, AnalysisRunner analysis,
                             Promoter promoter, GitCredentials gitCredentials, StateStore store, Clock clock,
                             RolloutListener listener, RetryPolicy retry, ChaosExperiments chaos,
                             DeploymentVerifier verifier, Analyses analyses, RolloutHistory history,
                             RequestRateForecasts forecasts) {

    /** A rollout without forecasts of its service's load. */
    public RolloutContext(String rolloutId, RolloutSpec spec, TrafficRouter router, AnalysisRunner analysis,
                          Promoter promoter, GitCredentials gitCredentials, StateStore store, Clock clock,
                          RolloutListener listener, RetryPolicy retry, ChaosExperiments chaos,
                          DeploymentVerifier verifier, Analyses analyses, RolloutHistory history) {
        this(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry, chaos, verifier,
                analyses, history, RequestRateForecasts.NONE);
    }

    /** A rollout whose end is not kept in a release history. */
    public RolloutContext(String rolloutId, RolloutSpec spec, TrafficRouter router, AnalysisRunner analysis,
                          Promoter promoter, GitCredentials gitCredentials, StateStore store, Clock clock,
                          RolloutListener listener, RetryPolicy retry, ChaosExperiments chaos,
                          DeploymentVerifier verifier, Analyses analyses) {
        this(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry, chaos, verifier,
                analyses, RolloutHistory.NONE);
    }

    /** A rollout whose analyses are all judged by {@code analysis}, or by thresholds over its metrics. */
    public RolloutContext(String rolloutId, RolloutSpec spec, TrafficRouter router, AnalysisRunner analysis,
                          Promoter promoter, GitCredentials gitCredentials, StateStore store, Clock clock,
                          RolloutListener listener, RetryPolicy retry, ChaosExperiments chaos,
                          DeploymentVerifier verifier) {
        this(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry, chaos, verifier,
                Analyses.of(analysis, spec.analysis()));
    }

    /** A rollout whose promotion needs no confirmation from a deployment controller. */
    public RolloutContext(String rolloutId, RolloutSpec spec, TrafficRouter router, AnalysisRunner analysis,
                          Promoter promoter, GitCredentials gitCredentials, StateStore store, Clock clock,
                          RolloutListener listener, RetryPolicy retry, ChaosExperiments chaos) {
        this(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry, chaos,
                DeploymentVerifier.NONE);
    }

    /** A rollout without chaos steps. */
    public RolloutContext(String rolloutId, RolloutSpec spec, TrafficRouter router, AnalysisRunner analysis,
                          Promoter promoter, GitCredentials gitCredentials, StateStore store, Clock clock,
                          RolloutListener listener, RetryPolicy retry) {
        this(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry,
                ChaosExperiments.NONE);
    }

    public RolloutContext {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(promoter, "promoter");
        Objects.requireNonNull(gitCredentials, "gitCredentials");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(chaos, "chaos");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(analyses, "analyses");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(forecasts, "forecasts");
    }

    /** The same rollout, its analyses judged by {@code other} (a runtime that can judge a preview, or any judge). */
    public RolloutContext withAnalyses(Analyses other) {
        return new RolloutContext(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry,
                chaos, verifier, other, history, forecasts);
    }

    /** The same rollout, its end appended to {@code other} (a release history the gate's model learns from). */
    public RolloutContext withHistory(RolloutHistory other) {
        return new RolloutContext(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry,
                chaos, verifier, analyses, other, forecasts);
    }

    /** The same rollout, its canary sizable from {@code other}, the forecast request rate of its service. */
    public RolloutContext withForecasts(RequestRateForecasts other) {
        return new RolloutContext(rolloutId, spec, router, analysis, promoter, gitCredentials, store, clock, listener, retry,
                chaos, verifier, analyses, history, other);
    }

    /**
     * @param attempts attempts at one commit before the rollout fails
     * @param delay    wait between attempts (doubled each time)
     */
    public record RetryPolicy(int attempts, Duration delay) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(15));

        public Duration delayBefore(int attempt) {
            return delay.multipliedBy(1L << Math.min(attempt, 10));
        }
    }
}
