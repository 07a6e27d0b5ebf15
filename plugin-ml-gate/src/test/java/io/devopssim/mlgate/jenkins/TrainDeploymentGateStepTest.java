package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.training.ReleaseHistories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** trainDeploymentGate driven as Pipeline does: history from the workspace, model directory, outcome, build result. */
class TrainDeploymentGateStepTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;

    private ExecutorService pool;
    private TestStepContext context;
    private RecordingBuild build;

    /** The history file's text, written once by the real appender. */
    private static final class History {
        static final String TEXT = write(ReleaseHistories.entries(3_000, 100));

        private static String write(List<HistoryEntry> entries) {
            try {
                Path file = Files.createTempFile("devsim-history-", ".jsonl");
                Files.delete(file);
                JsonLinesHistory history = new JsonLinesHistory(file);
                for (HistoryEntry e : entries) {
                    history.append(e);
                }
                String text = Files.readString(file);
                Files.delete(file);
                return text;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        pool = Executors.newSingleThreadExecutor();
        context = new TestStepContext();
        build = new RecordingBuild(workspace);
        Files.createDirectories(workspace.resolve("gate"));
        Files.writeString(workspace.resolve("gate/history.jsonl"), History.TEXT);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private TrainDeploymentGateStep step() {
        TrainDeploymentGateStep step = new TrainDeploymentGateStep();
        step.setHistory("gate/history.jsonl");
        step.setModelDir("gate/models");
        step.setRounds(20);
        return step;
    }

    private TrainDeploymentGateExecution execution(TrainDeploymentGateStep step) {
        return new TrainDeploymentGateExecution(context, step.request(), pool, NOW, build);
    }

    private Map<?, ?> run(TrainDeploymentGateStep step) throws Exception {
        context = new TestStepContext();
        TrainDeploymentGateExecution execution = execution(step);
        assertThat(execution.start()).as("asynchronous: start() returns before the outcome").isFalse();
        return (Map<?, ?>) context.outcome.get(60, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("trains from the workspace's history, makes the first model current and logs its progress")
    void trainsTheFirstModel() throws Exception {
        Map<?, ?> result = run(step());

        assertThat(result.get("version")).isEqualTo("v0001");
        assertThat(result.get("promoted")).isEqualTo(true);
        assertThat(result.get("current")).isEqualTo("v0001");
        assertThat(result.get("commit")).isNull();
        assertThat(new ModelRegistry(workspace.resolve("gate/models")).currentVersion()).contains("v0001");
        assertThat(context.log()).contains("[trainDeploymentGate] history gate/history.jsonl: 100 entries")
                .contains("[trainDeploymentGate] training: 20/20 rounds")
                .contains("[trainDeploymentGate] v0001 is the current model");
        assertThat(build.unstable).isFalse();
    }

    @ParameterizedTest(name = "onRefused {0}")
    @CsvSource({"unstable", "ignore", "fail"})
    @DisplayName("a model worse than the current one stays unused, and the build is marked unstable, failed or left alone")
    void aRefusedModelActsPerConfiguration(String onRefused) throws Exception {
        run(step());
        TrainDeploymentGateStep weak = step();
        weak.setRounds(1);
        weak.setOnRefused(onRefused);
        context = new TestStepContext();
        execution(weak).start();

        if (onRefused.equals("fail")) {
            Throwable failure = catchThrowable(() -> context.outcome.get(60, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(AbortException.class)
                    .hasMessageStartingWith("trainDeploymentGate: v0002 is worse than v0001 and stays unused");
        } else {
            Map<?, ?> result = (Map<?, ?>) context.outcome.get(60, TimeUnit.SECONDS);
            assertThat(result.get("promoted")).isEqualTo(false);
            assertThat(result.get("current")).isEqualTo("v0001");
            assertThat((Double) result.get("recall")).isLessThan((Double) result.get("previousRecall"));
        }
        assertThat(build.unstable).isEqualTo(onRefused.equals("unstable"));
        assertThat(new ModelRegistry(workspace.resolve("gate/models")).currentVersion()).contains("v0001");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "modelDir|",
            "history|",
            "simulatedReleases|-1",
            "falseRollbackRate|1.5",
            "tolerance|lots",
            "heldOut|0",
            "rounds|0",
            "onRefused|sometimes",
            "gitRepo|https://user:pw@git.example.com/models.git",
            "gitUsernameEnv|GIT_USER",
    })
    @DisplayName("bad arguments fail the step in start(), before anything is read or written")
    void badArgumentsFailBeforeAnything(String field, String value) {
        TrainDeploymentGateStep step = step();
        switch (field) {
            case "modelDir" -> step.setModelDir(value);
            case "history" -> step.setHistory(value);
            case "simulatedReleases" -> step.setSimulatedReleases(Integer.parseInt(value));
            case "falseRollbackRate" -> step.setFalseRollbackRate(value);
            case "tolerance" -> step.setTolerance(value);
            case "heldOut" -> step.setHeldOut(value);
            case "rounds" -> step.setRounds(Integer.parseInt(value));
            case "onRefused" -> step.setOnRefused(value);
            case "gitRepo" -> step.setGitRepo(value);
            default -> step.setGitUsernameEnv(value);
        }

        assertThatThrownBy(() -> execution(step).start()).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("trainDeploymentGate: ")
                .hasMessageContaining(field.equals("gitUsernameEnv") ? "gitPasswordEnv" : field.equals("history") ? "nothing to train on" : field)
                .message().doesNotContain(":pw@");
        assertThat(context.completions()).isZero();
        assertThat(workspace.resolve("gate/models")).doesNotExist();
    }

    @Test
    void tooLittleHistoryOrAMissingFileFailsTheStepAndWritesNothing() throws Exception {
        Files.writeString(workspace.resolve("short.jsonl"), Files.readAllLines(workspace.resolve("gate/history.jsonl")).subList(0, 5)
                .stream().map(l -> l + "\n").reduce("", String::concat));
        TrainDeploymentGateStep little = step();
        little.setHistory("short.jsonl");
        TrainDeploymentGateStep missing = step();
        missing.setHistory("nope.jsonl");

        execution(little).start();
        Throwable tooLittle = catchThrowable(() -> context.outcome.get(60, TimeUnit.SECONDS));
        context = new TestStepContext();
        execution(missing).start();
        Throwable notFound = catchThrowable(() -> context.outcome.get(60, TimeUnit.SECONDS));

        assertThat(tooLittle).cause().isInstanceOf(AbortException.class)
                .hasMessageStartingWith("trainDeploymentGate: too little history to train and gate a model: 5 labelled examples");
        assertThat(notFound).cause().isInstanceOf(AbortException.class).hasMessage("nope.jsonl not found in the workspace");
        assertThat(workspace.resolve("gate/models")).doesNotExist();
    }

    @Test
    @DisplayName("stop() fails the step with its cause and the interrupted training stores nothing")
    void stopInterruptsTheTraining() throws Exception {
        TrainDeploymentGateStep step = step();
        step.setSimulatedReleases(20_000); // long enough to be stopped while simulating
        TrainDeploymentGateExecution execution = execution(step);
        execution.start();
        AbortException cause = new AbortException("stopped by the user");

        execution.stop(cause);

        assertThat(catchThrowable(() -> context.outcome.get(5, TimeUnit.SECONDS))).hasCause(cause);
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(context.completions()).isEqualTo(1);
        assertThat(new ModelRegistry(workspace.resolve("gate/models")).versions()).isEmpty();
    }
}
