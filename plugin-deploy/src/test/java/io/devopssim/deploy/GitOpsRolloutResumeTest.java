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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canary whose every weight is a commit (GitOps router), over a real Git server on 127.0.0.1: the process
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

    private RolloutSpec spec(String url) throws Exception {
        return new RolloutSpecReader().read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 10
                  - pause: 1m
                  - setWeight: 50
                  - pause: 1m
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}
                traffic:
                  router: gitops
                  file: apps/checkout/canary.yaml
                  helm: canary.weight
                """.formatted(url));
    }

    @Test
    @DisplayName("stopped at every transition and resumed, a GitOps canary commits exactly what an uninterrupted one does")
    void shouldEndAsAnUninterruptedRunWithNoDuplicateCommit() throws Exception {
        String straight = server.createRepository("straight", files());
        String interrupted = server.createRepository("interrupted", files());

        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            RolloutState reference = runProcess(spec(straight), promoter, new InMemoryStateStore(), Integer.MAX_VALUE)
                    .orElseThrow();
            InMemoryStateStore durable = new InMemoryStateStore();
            int processes = 0;
            Optional<RolloutState> end = Optional.empty();
            while (end.isEmpty()) {
                assertThat(++processes).as("the rollout must end").isLessThan(60);
                // each process saves one transition, then dies during the next one, after its side effect
                end = runProcess(spec(interrupted), promoter, durable, 1);
            }

            assertThat(reference.phase()).isEqualTo(RolloutPhase.PROMOTED);
            assertThat(end.get().phase()).isEqualTo(RolloutPhase.PROMOTED);
            assertThat(processes).as("one death per transition").isGreaterThan(8);
            assertThat(steps("interrupted")).isEqualTo(steps("straight")).containsExactly(
                    "traffic-step-1 10", "traffic-step-3 50", "promote -", "traffic-promote 0");
            assertThat(server.readFile("interrupted", "main", "apps/checkout/canary.yaml")).isEqualTo(CANARY);
            assertThat(server.readFile("interrupted", "main", "apps/checkout/values.yaml"))
                    .isEqualTo(VALUES.replace("1.4.2", "1.5.0"));
            assertThat(end.get().events().stream().map(e -> e.kind() + " " + e.weight()).toList())
                    .isEqualTo(reference.events().stream().map(e -> e.kind() + " " + e.weight()).toList());
        }
    }

    private static Map<String, String> files() {
        return Map.of("apps/checkout/values.yaml", VALUES, "apps/checkout/canary.yaml", CANARY);
    }

    /** One process of the controller: runs until the rollout ends (returned) or the process dies (empty). */
    private Optional<RolloutState> runProcess(RolloutSpec spec, GitPromoter promoter, StateStore durable, int savesBeforeDeath)
            throws Exception {
        Optional<RolloutState> saved = durable.load("checkout-1.5.0");
        SimulatedClock clock = new SimulatedClock(saved.map(s -> s.events().get(s.events().size() - 1).time())
                .orElse(Instant.parse("2026-11-23T09:00:00Z")));
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        CanaryEngine engine = new CanaryEngine(new RolloutContext("checkout-1.5.0", spec,
                new GitOpsRouter(promoter, (TrafficSpec.GitOps) spec.runtime().traffic(), credentials, "checkout-1.5.0", "checkout"),
                new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())), promoter, credentials,
                new DyingStore(durable, savesBeforeDeath), clock, RolloutListener.NONE,
                new RolloutContext.RetryPolicy(3, Duration.ofSeconds(1))));
        try {
            engine.start();
            RolloutState s = engine.advance();
            while (!s.phase().isTerminal()) {
                clock.advanceTo(s.waitUntil());
                s = engine.advance();
            }
            return Optional.of(s);
        } catch (RolloutException e) {
            assertThat(e.getMessage()).contains("process died");
            return Optional.empty();
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

    /** Saves a few states, then fails as a process killed before its write would. */
    private static final class DyingStore implements StateStore {
        private final StateStore durable;
        private int savesLeft;

        DyingStore(StateStore durable, int saves) {
            this.durable = durable;
            this.savesLeft = saves;
        }

        @Override
        public void save(RolloutState state) throws IOException {
            if (savesLeft-- <= 0) {
                throw new IOException("process died");
            }
            durable.save(state);
        }

        @Override
        public Optional<RolloutState> load(String rolloutId) throws IOException {
            return durable.load(rolloutId);
        }
    }
}
