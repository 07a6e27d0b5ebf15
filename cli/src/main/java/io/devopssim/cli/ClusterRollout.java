package io.devopssim.cli;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutEngines;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.runtime.ClusterRuntime;
import io.devopssim.deploy.runtime.RolloutPorts;
import io.devopssim.deploy.runtime.RuntimeSetupException;
import io.devopssim.mlgate.forecast.XgboostLoadModel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One rollout against what its spec's {@code traffic:}, {@code cluster:} and {@code argocd:} name, in real
 * time: the engine is advanced whenever it is due, and this one command thread sleeps in between (the
 * engine itself holds no thread; Jenkins drives it from a shared scheduler instead).
 */
final class ClusterRollout {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Promoter promoter;
    private final StateStore store;
    private final Path kubeconfig;
    private final Map<String, String> env;

    ClusterRollout(Promoter promoter, StateStore store, Path kubeconfig, Map<String, String> env) {
        this.promoter = promoter;
        this.store = store;
        this.kubeconfig = kubeconfig;
        this.env = env;
    }

    /**
     * @param specDir what a relative {@code analysis.model} path is relative to
     * @param metrics the canary's and baseline's series for analysis steps (Prometheus), or a source that has none
     * @param history where the finished rollout is appended (the gate learns from real releases too)
     */
    RolloutState run(RolloutSpec spec, Path specDir, String rolloutId, GitCredentials credentials, MetricsProvider metrics,
                     RolloutHistory history, RolloutListener listener) throws RolloutException, InterruptedException {
        Clock clock = Clock.system();
        try (ClusterRuntime runtime = new ClusterRuntime(promoter, clock, kubeconfig, REQUEST_TIMEOUT);
             SpecJudgeCache judges = new SpecJudgeCache(specDir)) {
            RolloutContext ctx;
            try {
                ctx = runtime.context(new RolloutPorts(rolloutId, spec, new AnalysisRunner(metrics, judges.apply(spec.analysis())),
                        null, credentials, env::get, store, listener, ChaosExperiments.NONE, RolloutContext.RetryPolicy.DEFAULT))
                        .withHistory(history)
                        .withForecasts(new ModelForecasts(XgboostLoadModel.DEFAULT, metrics, clock));
            } catch (RuntimeSetupException e) {
                throw new UserError(e.getMessage(), e);
            }
            RolloutEngine engine = RolloutEngines.create(ctx);
            engine.start();
            RolloutState s = engine.advance();
            while (!s.phase().isTerminal() && s.phase() != RolloutPhase.PAUSED) {
                Instant due = s.waitUntil();
                if (due == null) {
                    throw new IllegalStateException("rollout " + rolloutId + " stopped in " + s.phase() + " with nothing to wait for");
                }
                long millis = Duration.between(clock.now(), due).toMillis();
                if (millis > 0) {
                    Thread.sleep(millis);
                }
                s = engine.advance();
            }
            return s;
        }
    }
}
