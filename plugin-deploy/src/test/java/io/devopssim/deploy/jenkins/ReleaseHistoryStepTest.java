package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finished Jenkins rollout is appended to the release history, as {@code devsim rollout} appends it. */
class ReleaseHistoryStepTest {
    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
    }

    private TestStepContext run(String tag, String errorDelta, String historyFile) throws Exception {
        TestStepContext context = new TestStepContext();
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(CanaryFixtures.spec(env.url(), tag, errorDelta));
        step.setFailOnRollback(false);
        step.setHistoryFile(historyFile);
        new CanaryRolloutExecution(context, step.request(), runtime).start();
        runtime.scheduler.run(1000);
        return context;
    }

    private static List<HistoryEntry> entries(Path file) throws Exception {
        return new JsonLinesHistory(file).read().entries();
    }

    @Test
    @DisplayName("by default, in the build's state folder: one labelled entry per finished rollout, with its decided window")
    void shouldAppendToTheBuildsHistoryByDefault() throws Exception {
        assertThat(run("1.5.0", "0.0", null).outcome.get()).isEqualTo("PROMOTED");

        List<HistoryEntry> entries = entries(tmp.resolve("build/devsim-rollouts/history.jsonl"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.rolloutId()).isEqualTo("checkout-1.5.0-pipeline_1");
            assertThat(e.outcome()).isEqualTo(RolloutPhase.PROMOTED);
            assertThat(e.image()).isEqualTo("ghcr.io/acme/checkout:1.5.0");
            assertThat(e.judgement()).isNotNull();
            assertThat(e.window()).as("the last analysis window, fetched again for the model").isNotNull();
        });
    }

    @Test
    @DisplayName("historyFile: a workspace file (what trainDeploymentGate reads), appended to by every rollout")
    void shouldAppendToTheWorkspaceFileItNames() throws Exception {
        runtime.build.workspace = Files.createDirectories(tmp.resolve("ws"));

        run("1.5.0", "0.0", "gate/history.jsonl");
        run("1.6.0", "0.05", "gate/history.jsonl");

        assertThat(entries(tmp.resolve("ws/gate/history.jsonl"))).extracting(HistoryEntry::outcome)
                .containsExactly(RolloutPhase.PROMOTED, RolloutPhase.ROLLED_BACK);
        assertThat(tmp.resolve("build/devsim-rollouts/history.jsonl")).doesNotExist();
    }

    @Test
    @DisplayName("a historyFile outside the workspace, or without a workspace on the controller, is refused before anything")
    void shouldRefuseAHistoryFileItCannotAppendTo() throws Exception {
        assertThatThrownBy(() -> start("gate/history.jsonl")).isInstanceOf(AbortException.class)
                .hasMessageContaining("historyFile needs the workspace on the controller's file system");
        runtime.build.workspace = Files.createDirectories(tmp.resolve("ws"));
        assertThatThrownBy(() -> start("../history.jsonl")).isInstanceOf(AbortException.class)
                .hasMessageContaining("historyFile must be a file inside the workspace");
        assertThatThrownBy(() -> start(tmp.resolve("abs.jsonl").toString())).isInstanceOf(AbortException.class)
                .hasMessageContaining("historyFile must be a file inside the workspace");

        assertThat(env.trailers()).as("nothing committed").hasSize(1);
        assertThat(runtime.build.actions).isEmpty();
    }

    private void start(String historyFile) throws Exception {
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(CanaryFixtures.spec(env.url(), "1.5.0", "0.0"));
        step.setHistoryFile(historyFile);
        new CanaryRolloutExecution(new TestStepContext(), step.request(), runtime).start();
    }
}
