package io.devopssim.deploy;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.routing.GitOpsRouter;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canary, a blue-green and a rolling rollout whose every weight is a commit (GitOps router), over a real Git server on 127.0.0.1: the process
 * dies at every transition, after the transition's side effect and before its state is saved, and a new
 * process resumes from the saved state. The history ends exactly as in an uninterrupted run.
 */
class GitOpsRolloutResumeTest {
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String VALUES = "image:\n  repository: ghcr.io/acme/checkout\n  tag: \"1.4.2\"\n";
    private static final String CANARY = "canary:\n  weight: 0\n";
    private static GitHttpTestServer server;

    private final GitCredentials credentials = new GitCredentials("deployer", PASSWORD.toCharArray());

    @BeforeAll
    static void startServer() throws Exception {
        server = new GitHttpTestServer("deployer", PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static final String CANARY_STEPS = """
            steps:
              - setWeight: 10
              - pause: 1m
              - setWeight: 50
              - pause: 1m
            """;
    /** After the cut-over or the last batch no baseline takes traffic: absolute bounds. */
    private static final String ABSOLUTE = "{window: 2m, metrics: [{metric: error_rate, max: 0.02}, {metric: latency_p99_ms, max: 150}]}";
    private static final String BLUE_GREEN = """
            strategy: blueGreen
            blueGreen:
              postPromotionAnalysis: %s
              scaleDownDelaySeconds: 60
            """.formatted(ABSOLUTE);
    private static final String ROLLING = """
            strategy: rolling
            rolling: {maxSurge: 1, maxUnavailable: 1, healthCheck: %s}
            """.formatted(ABSOLUTE.replace("2m", "1m"));

    private RolloutSpec spec(String url, String strategy) throws Exception {
        return new RolloutSpecReader().read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                %sanalysis:
                  minSamples: 6
                  metrics:
                    - {metric: error_rate, max: 0.02, maxRatio: 2.0}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}
                traffic:
                  router: gitops
                  file: apps/checkout/canary.yaml
                  helm: canary.weight
                simulation: {seed: 7, pods: 4}
                """.formatted(strategy, url));
    }

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("canary", CANARY_STEPS, List.of("traffic-step-1 10", "traffic-step-3 50", "promote -",
                        "traffic-promote 0"), "canary:\n  weight: 0\n"),
                Arguments.of("blue-green", BLUE_GREEN, List.of("traffic-cut-over 100", "promote -"), "canary:\n  weight: 100\n"),
                Arguments.of("rolling", ROLLING, List.of("traffic-batch-1 50", "traffic-batch-2 100", "promote -"),
                        "canary:\n  weight: 100\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @DisplayName("stopped at every transition and resumed, a rollout on GitOps traffic commits exactly what an uninterrupted one does")
    void shouldEndAsAnUninterruptedRunWithNoDuplicateCommit(String name, String strategy, List<String> expectedSteps,
                                                             String finalWeight) throws Exception {
        String straight = server.createRepository(name + "-straight", files());
        String interrupted = server.createRepository(name + "-interrupted", files());

        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            RolloutState reference = new Cluster(spec(straight, strategy)).runProcess(promoter, new InMemoryStateStore(),
                    Integer.MAX_VALUE).orElseThrow();
            Cluster cluster = new Cluster(spec(interrupted, strategy));
            InMemoryStateStore durable = new InMemoryStateStore();
            int processes = 0;
            Optional<RolloutState> end = Optional.empty();
            while (end.isEmpty()) {
                assertThat(++processes).as("the rollout must end").isLessThan(60);
                // each process saves one transition, then dies during the next one, after its side effect
                end = cluster.runProcess(promoter, durable, 1);
            }

            assertThat(reference.phase()).isEqualTo(RolloutPhase.PROMOTED);
            assertThat(end.get().phase()).isEqualTo(RolloutPhase.PROMOTED);
            assertThat(processes).as("one death per transition").isGreaterThan(5);
            assertThat(steps(name + "-interrupted")).isEqualTo(steps(name + "-straight")).isEqualTo(expectedSteps);
            assertThat(server.readFile(name + "-interrupted", "main", "apps/checkout/canary.yaml")).isEqualTo(finalWeight);
            assertThat(server.readFile(name + "-interrupted", "main", "apps/checkout/values.yaml"))
                    .isEqualTo(VALUES.replace("1.4.2", "1.5.0"));
            assertThat(end.get().events().stream().map(e -> e.kind() + " " + e.weight()).toList())
                    .isEqualTo(reference.events().stream().map(e -> e.kind() + " " + e.weight()).toList());
        }
    }

    private static Map<String, String> files() {
        return Map.of("apps/checkout/values.yaml", VALUES, "apps/checkout/canary.yaml", CANARY);
    }

    /** The simulated cluster (clock and fleet, which follows the branch's weight) outlives the controller's processes. */
    private final class Cluster {
        final RolloutSpec spec;
        final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
        final FleetSimulator fleet;

        Cluster(RolloutSpec spec) {
            this.spec = spec;
            this.fleet = new FleetSimulator(spec.simulation(), clock);
        }

        /** One process of the controller: runs until the rollout ends (returned) or the process dies (empty). */
        Optional<RolloutState> runProcess(GitPromoter promoter, StateStore durable, int savesBeforeDeath) throws Exception {
            RolloutEngine engine = RolloutEngines.create(new RolloutContext("checkout-1.5.0", spec,
                    new FleetAppliedRouter(new GitOpsRouter(promoter, (TrafficSpec.GitOps) spec.runtime().traffic(), credentials,
                            "checkout-1.5.0", "checkout"), fleet),
                    new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())), promoter, credentials,
                    new CrashingStore(durable, savesBeforeDeath + 1), clock, RolloutListener.NONE,
                    new RolloutContext.RetryPolicy(3, Duration.ofSeconds(1))));
            try {
                engine.start();
                RolloutState s = engine.advance();
                while (!s.phase().isTerminal()) {
                    clock.advanceTo(s.waitUntil());
                    s = engine.advance();
                }
                return Optional.of(s);
            } catch (CrashingStore.Crash e) {
                return Optional.empty();
            }
        }
    }

    /** {@code Step Canary-Weight} of each commit of the rollout, oldest first. */
    private static List<String> steps(String repo) throws IOException {
        List<String> steps = new ArrayList<>();
        for (RevCommit c : server.history(repo, "main")) {
            String step = null;
            String weight = "-";
            for (FooterLine f : c.getFooterLines()) {
                if (f.getKey().equals("Step")) {
                    step = f.getValue();
                } else if (f.getKey().equals("Canary-Weight")) {
                    weight = f.getValue();
                }
            }
            if (step != null) {
                steps.add(0, step + " " + weight);
            }
        }
        return steps;
    }

}
