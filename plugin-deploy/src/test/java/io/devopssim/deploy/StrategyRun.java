package io.devopssim.deploy;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.deploy.routing.GitOpsRouter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One controller's view of a rollout of any strategy on the simulator: a fresh engine and promoter over a
 * given store, clock, fleet and preview bench (the cluster outlives the controller).
 */
final class StrategyRun {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    final SimulatedClock clock;
    final FleetSimulator fleet;
    final FleetSimulator bench;
    final RolloutEngine engine;

    StrategyRun(Path work, RolloutSpec spec, StateStore store) {
        this(work, spec, store, new SimulatedClock(T0), null, null, RolloutListener.NONE);
    }

    StrategyRun(Path work, RolloutSpec spec, StateStore store, SimulatedClock clock, FleetSimulator fleet,
                FleetSimulator bench, RolloutListener listener) {
        this(work, spec, store, clock, fleet, bench, listener, null);
    }

    /** @param router moves traffic instead of the fleet (which still serves the metrics), or null */
    StrategyRun(Path work, RolloutSpec spec, StateStore store, SimulatedClock clock, FleetSimulator fleet,
                FleetSimulator bench, RolloutListener listener, java.util.function.Function<FleetSimulator, TrafficRouter> router) {
        this.clock = clock;
        this.fleet = fleet != null ? fleet : new FleetSimulator(spec.simulation(), clock);
        this.bench = bench != null ? bench : PreviewBench.create(spec.simulation(), clock);
        String rolloutId = "checkout-" + spec.image().tag();
        GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("work-" + UUID.randomUUID())));
        TrafficRouter moves = router != null ? router.apply(this.fleet)
                : spec.runtime().traffic() instanceof TrafficSpec.GitOps g
                // every weight a commit, which the simulated cluster applies as Argo CD would
                ? new FleetAppliedRouter(new GitOpsRouter(promoter, g, GitCredentials.ANONYMOUS, rolloutId, spec.app()), this.fleet)
                : this.fleet;
        RolloutContext ctx = new RolloutContext(rolloutId, spec, moves,
                new AnalysisRunner(this.fleet, new ThresholdJudge(spec.analysis())), promoter,
                GitCredentials.ANONYMOUS, store, clock, listener, new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5)))
                .withAnalyses(new SimulatorAnalyses(this.fleet, this.bench, ThresholdJudge::new));
        this.engine = RolloutEngines.create(ctx);
    }

    RolloutState toEnd() throws RolloutException {
        return SimulatedRun.toEnd(engine, clock);
    }

    /** The weights the fleet was set to, in order, from its start. */
    List<Integer> weights() {
        return fleet.history().stream().map(io.devopssim.core.sim.FleetState::canaryWeight).toList();
    }

    /** Specs of every strategy for the engine tests, read from YAML as a user writes them. */
    static final class Specs {
        private Specs() {
        }

        static final String ANALYSIS = """
                analysis:
                  minSamples: 6
                  metrics:
                    - {metric: error_rate, max: 0.02, maxRatio: 2.0}
                    - {metric: latency_p99_ms, maxRatio: 1.5}
                """;
        /** After the cut-over or the last batch no baseline takes traffic: absolute bounds. */
        static final String ABSOLUTE = "{window: 2m, metrics: [{metric: error_rate, max: 0.02}, {metric: latency_p99_ms, max: 150}]}";

        /** Every weight a commit to the environment repository's traffic file. */
        static final String GITOPS_TRAFFIC = "traffic: {router: gitops, file: " + EnvRepoFixture.TRAFFIC_FILE
                + ", helm: canary.weight}\n";

        static RolloutSpec blueGreen(EnvRepoFixture env, String regression) {
            return read(env, blueGreenBody(), regression);
        }

        static RolloutSpec blueGreenOnGitOps(EnvRepoFixture env, String regression) {
            // and a scale-down delay, during which a rollback is still a switch back (a revert of the cut-over)
            return read(env, blueGreenBody() + "  scaleDownDelaySeconds: 30\n" + GITOPS_TRAFFIC, regression);
        }

        private static String blueGreenBody() {
            return """
                    strategy: blueGreen
                    blueGreen:
                      prePromotionAnalysis: {window: 2m}
                      postPromotionAnalysis: %s
                    """.formatted(ABSOLUTE);
        }

        static RolloutSpec hybrid(EnvRepoFixture env, String regression) {
            return read(env, hybridBody(), regression);
        }

        private static String hybridBody() {
            return """
                    strategy: hybrid
                    steps:
                      - setWeight: 10
                      - analysis: {window: 2m}
                      - setWeight: 30
                      - pause: 1m
                      - analysis: {window: 2m}
                    blueGreen:
                      postPromotionAnalysis: %s
                      scaleDownDelaySeconds: 60
                    """.formatted(ABSOLUTE);
        }

        static RolloutSpec hybridOnGitOps(EnvRepoFixture env, String regression) {
            return read(env, hybridBody() + GITOPS_TRAFFIC, regression);
        }

        static RolloutSpec rolling(EnvRepoFixture env, String regression) {
            return read(env, rollingBody(), regression);
        }

        static RolloutSpec rollingOnGitOps(EnvRepoFixture env, String regression) {
            return read(env, rollingBody() + GITOPS_TRAFFIC, regression);
        }

        private static String rollingBody() {
            return """
                    strategy: rolling
                    rolling:
                      maxSurge: 1
                      maxUnavailable: 1
                      healthCheck: %s
                    """.formatted(ABSOLUTE.replace("2m", "1m"));
        }

        /** {@code body} is the strategy's part; {@code regression} the canary's, e.g. {@code {errorRateDelta: 0.05}}. */
        static RolloutSpec read(EnvRepoFixture env, String body, String regression) {
            try {
                return new RolloutSpecReader().read("""
                        app: checkout
                        image: ghcr.io/acme/checkout:1.5.0
                        %s%sgitops:
                          repo: %s
                          file: %s
                          helm: image.tag
                        simulation:
                          seed: 7
                          pods: 10
                          canaryRegression: %s
                        """.formatted(body, ANALYSIS, env.url(), EnvRepoFixture.FILE, regression));
            } catch (io.devopssim.core.spec.InvalidSpecException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
