package io.devopssim.deploy.jenkins;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.prometheus.PromQlTemplates;
import io.devopssim.core.metrics.prometheus.PrometheusMetricsProvider;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.PreviewBench;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.runtime.ClusterRuntime;
import io.devopssim.deploy.runtime.RolloutPorts;
import io.devopssim.deploy.runtime.RuntimeSetupException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the ports of one rollout step as its spec chooses (plain Java, tested without Jenkins):
 * <ul>
 *   <li>{@code traffic.router: simulator}: the embedded fleet in the runtime's time, a blue-green preview judged on
 *   a {@link PreviewBench}; an {@code argocd:} section is still waited for after each promotion.</li>
 *   <li>any other router: the cluster of {@code cluster:} through {@link ClusterRuntime}, the same code as
 *   {@code devsim rollout}; analyses read Prometheus ({@code prometheusUrl}, with the CLI's selectors unless the
 *   step gives {@code canarySelector}/{@code baselineSelector}), and a spec with analyses but no
 *   Prometheus is refused before anything starts. A preview cannot be judged there (refused by the engine).</li>
 * </ul>
 * Judges (thresholds, or a {@link SpecJudgeProvider}'s) are built once per rollout and closed with its session,
 * and so is the {@link ClusterRuntime} (one per rollout: Jenkins gives this plugin no shutdown hook to close a
 * shared one, and a rollout against a cluster is long enough that its own connection costs nothing).
 */
final class RolloutWiring {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The fleets of simulated rollouts; tests keep one per rollout id so that a restart finds it again. */
    interface Fleets {
        FleetSimulator live(String rolloutId, RolloutSpec spec);

        FleetSimulator preview(String rolloutId, RolloutSpec spec);

        /** A new fleet (and bench) every time: the simulated cluster restarts with the controller. */
        static Fleets fresh(Clock clock) {
            return new Fleets() {
                @Override
                public FleetSimulator live(String rolloutId, RolloutSpec spec) {
                    return new FleetSimulator(spec.simulation(), clock);
                }

                @Override
                public FleetSimulator preview(String rolloutId, RolloutSpec spec) {
                    return PreviewBench.create(spec.simulation(), clock);
                }
            };
        }
    }

    /** Prometheus' canary and baseline series, as {@code devsim rollout --prometheus} reads them. */
    interface MetricsSource {
        /** @param canarySelector label matchers of the canary, braces included (so {@code baselineSelector}) */
        MetricsProvider prometheus(URI base, String canarySelector, String baselineSelector);

        /** The same PromQL as the CLI's. */
        MetricsSource DEVSIM = (base, canary, baseline) -> new PrometheusMetricsProvider(base,
                PromQlTemplates.devsim(Duration.ofMinutes(1)), canary, baseline, REQUEST_TIMEOUT);
    }

    /** The CLI's default selector of a track ({@code canary}, {@code baseline}) of an app. */
    static String defaultSelector(String app, String track) {
        return "{app=\"" + app + "\",track=\"" + track + "\"}";
    }

    private final Clock clock;
    private final Promoter promoter;
    private final SpecJudgeProviders judges;
    private final ForecasterProviders forecasters;
    private final Fleets fleets;
    private final MetricsSource metrics;
    private final RolloutContext.RetryPolicy retry;

    RolloutWiring(Clock clock, Promoter promoter, SpecJudgeProviders judges, ForecasterProviders forecasters, Fleets fleets,
                  MetricsSource metrics, RolloutContext.RetryPolicy retry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.promoter = Objects.requireNonNull(promoter, "promoter");
        this.judges = Objects.requireNonNull(judges, "judges");
        this.forecasters = Objects.requireNonNull(forecasters, "forecasters");
        this.fleets = Objects.requireNonNull(fleets, "fleets");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * The rollout's ports, every secret resolved and the router's objects read once: a spec this runtime cannot
     * run, a missing secret or an unusable judge fails here, before the rollout starts. Nothing stays open then.
     *
     * @throws IllegalArgumentException a judge no installed plugin provides, an unusable model
     */
    RolloutSession open(RolloutSetup setup) throws RuntimeSetupException {
        RolloutResources resources = new RolloutResources();
        try {
            RolloutContext ctx = setup.spec().runtime().simulated() ? onSimulator(setup, resources) : onCluster(setup, resources);
            return new RolloutSession(ctx.withHistory(new RolloutHistory(setup.history(), setup.warnings())), resources);
        } catch (RuntimeSetupException | RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private RolloutContext onSimulator(RolloutSetup s, RolloutResources resources) throws RuntimeSetupException {
        RolloutSpec spec = s.spec();
        FleetSimulator fleet = fleets.live(s.rolloutId(), spec);
        // the spec's own judge first: one no installed plugin provides is refused here, before any side effect
        AnalysisRunner runner = resources.track(judges.runner(spec.analysis(), fleet, s.specDir()));
        DeploymentVerifier verifier = spec.runtime().argocd() == null ? DeploymentVerifier.NONE
                : resources.add(cluster()).verifier(spec.runtime(), s.secrets());
        return new RolloutContext(s.rolloutId(), spec, fleet, runner, promoter, s.git(), new FileStateStore(s.stateDir()),
                clock, s.listener(), retry, ChaosExperiments.NONE, verifier)
                .withAnalyses(judges.analyses(fleet, fleets.preview(s.rolloutId(), spec), s.specDir(), resources))
                .withForecasts(forecasters.forecasts(fleet, clock));
    }

    private RolloutContext onCluster(RolloutSetup s, RolloutResources resources) throws RuntimeSetupException {
        RolloutSpec spec = s.spec();
        MetricsProvider source = metrics(s);
        AnalysisRunner runner = resources.track(judges.runner(spec.analysis(), source, s.specDir()));
        ClusterRuntime cluster = resources.add(cluster());
        return cluster.context(new RolloutPorts(s.rolloutId(), spec, runner, null, s.git(), s.secrets(),
                        new FileStateStore(s.stateDir()), s.listener(), ChaosExperiments.NONE, retry, s.trafficGit()))
                .withAnalyses(judges.analyses(source, null, s.specDir(), resources))
                .withForecasts(forecasters.forecasts(source, clock));
    }

    /** Prometheus when given; without it a spec that analyses anything cannot run against a cluster. */
    private MetricsProvider metrics(RolloutSetup s) throws RuntimeSetupException {
        if (s.prometheus() != null) {
            String app = s.spec().app();
            return metrics.prometheus(s.prometheus(),
                    s.canarySelector() != null ? s.canarySelector() : defaultSelector(app, "canary"),
                    s.baselineSelector() != null ? s.baselineSelector() : defaultSelector(app, "baseline"));
        }
        if (analyses(s.spec())) {
            throw new RuntimeSetupException("the spec has analyses and traffic.router " + s.spec().runtime().traffic().router()
                    + " runs against a cluster: give prometheusUrl (where the canary's and the baseline's metrics are)");
        }
        return query -> {
            throw new MetricsUnavailableException("no metrics source: give prometheusUrl");
        };
    }

    /** Analysis steps, a blue-green's analyses, a rolling update's health checks. */
    static boolean analyses(RolloutSpec spec) {
        return spec.steps().stream().anyMatch(st -> st instanceof StepSpec.Analysis)
                || (spec.blueGreen() != null && (spec.blueGreen().prePromotionAnalysis() != null
                        || spec.blueGreen().postPromotionAnalysis() != null))
                || (spec.rolling() != null && spec.rolling().healthCheck() != null);
    }

    /** The kubeconfig is kubectl's default for the controller's user (or the in-cluster service account). */
    private ClusterRuntime cluster() {
        return new ClusterRuntime(promoter, clock, null, REQUEST_TIMEOUT);
    }
}
