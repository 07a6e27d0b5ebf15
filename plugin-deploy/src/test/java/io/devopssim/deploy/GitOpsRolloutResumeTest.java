package io.devopssim.deploy;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.core.time.SimulatedClock;
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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canary, a blue-green and a rolling rollout whose every weight is a commit (GitOps router), over a real Git
 * server on 127.0.0.1: the process dies at every transition, after the transition's side effect and before its
 * state is saved, and a new process resumes from the saved state. The history ends exactly as in an
 * uninterrupted run.
 */
class GitOpsRolloutResumeTest {
    private static final String PASSWORD = UUID.randomUUID().toString();
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

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("canary", GitOpsTraffic.CANARY_STEPS,
                        List.of("traffic-step-1 10", "traffic-step-3 50", "promote -", "traffic-promote 0"), "canary:\n  weight: 0\n"),
                Arguments.of("blue-green", GitOpsTraffic.BLUE_GREEN,
                        List.of("traffic-cut-over 100", "promote -"), "canary:\n  weight: 100\n"),
                Arguments.of("rolling", GitOpsTraffic.ROLLING,
                        List.of("traffic-batch-1 50", "traffic-batch-2 100", "promote -"), "canary:\n  weight: 100\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    @DisplayName("stopped at every transition and resumed, a rollout on GitOps traffic commits what an uninterrupted one does")
    void shouldEndAsAnUninterruptedRunWithNoDuplicateCommit(String name, String strategy, List<String> expectedSteps,
                                                             String finalWeight) throws Exception {
        String straight = server.createRepository(name + "-straight", GitOpsTraffic.files());
        String interrupted = server.createRepository(name + "-interrupted", GitOpsTraffic.files());

        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            RolloutState reference = new Cluster(GitOpsTraffic.spec(straight, strategy, "", ""))
                    .runProcess(promoter, new InMemoryStateStore(), Integer.MAX_VALUE).orElseThrow();
            Cluster cluster = new Cluster(GitOpsTraffic.spec(interrupted, strategy, "", ""));
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
                    .isEqualTo(GitOpsTraffic.VALUES.replace("1.4.2", "1.5.0"));
            assertThat(end.get().events().stream().map(e -> e.kind() + " " + e.weight()).toList())
                    .isEqualTo(reference.events().stream().map(e -> e.kind() + " " + e.weight()).toList());
        }
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
            RolloutEngine engine = GitOpsTraffic.engine(spec, promoter, credentials, fleet,
                    new CrashingStore(durable, savesBeforeDeath + 1), clock,
                    new RolloutContext.RetryPolicy(3, Duration.ofSeconds(1)), DeploymentVerifier.NONE);
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
