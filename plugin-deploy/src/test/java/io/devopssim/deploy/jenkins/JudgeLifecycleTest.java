package io.devopssim.deploy.jenkins;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A judge a provider builds for a rollout (a model, with native memory for xgboost) is closed when the rollout ends,
 * or when the step is stopped: never before, never left open.
 */
class JudgeLifecycleTest {
    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;
    private TestStepContext context;
    private final List<ModelJudge> built = new CopyOnWriteArrayList<>();

    /** Judges like thresholds, and fails loudly when used after close, as a freed native model would. */
    private static final class ModelJudge implements Judge, AutoCloseable {
        private final Judge inner;
        private volatile boolean closed;

        ModelJudge(Judge inner) {
            this.inner = inner;
        }

        @Override
        public Judgement judge(AnalysisInput input) {
            if (closed) {
                throw new IllegalStateException("model used after close");
            }
            return inner.judge(input);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
        context = new TestStepContext();
        runtime.judges.add((criteria, metrics, specDir) -> {
            if (criteria.judge() != JudgeKind.MANN_WHITNEY) {
                return Optional.empty();
            }
            ModelJudge j = new ModelJudge(new ThresholdJudge(criteria));
            built.add(j);
            return Optional.of(new AnalysisRunner(metrics, j));
        });
    }

    private CanaryRolloutExecution canary(String errorDelta) {
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(CanaryFixtures.spec(env.url(), "1.5.0", errorDelta).replace("  minSamples: 6\n",
                "  minSamples: 6\n  judge: mannWhitney\n"));
        step.setFailOnRollback(false);
        return new CanaryRolloutExecution(context, step.request(), runtime);
    }

    @Test
    @DisplayName("the models are used through the rollout and closed when it is promoted")
    void shouldCloseTheModelsWhenTheRolloutEnds() throws Exception {
        canary("0.0").start();
        runtime.scheduler.run(1);
        assertThat(built).isNotEmpty().noneMatch(j -> j.closed);

        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(built).allMatch(j -> j.closed);
    }

    @Test
    @DisplayName("a rolled-back rollout closes them too, after its history entry was made with them")
    void shouldCloseTheModelsAfterARollback() throws Exception {
        canary("0.05").start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("ROLLED_BACK");
        assertThat(context.log()).doesNotContain("model used after close").doesNotContain("warning");
        assertThat(built).isNotEmpty().allMatch(j -> j.closed);
    }

    @Test
    @DisplayName("a stopped step rolls back, then closes the models")
    void shouldCloseTheModelsWhenTheStepIsStopped() throws Exception {
        CanaryRolloutExecution execution = canary("0.0");
        execution.start();
        runtime.scheduler.run(2);
        assertThat(built).noneMatch(j -> j.closed);

        execution.stop(new InterruptedException("aborted by user"));

        assertThat(built).isNotEmpty().allMatch(j -> j.closed);
        assertThat(env.trailers().get(env.trailers().size() - 1)).containsEntry("Step", "rollback");
    }

    @Test
    @DisplayName("a spec refused after its judge was built leaves nothing open")
    void shouldCloseWhatWasBuiltWhenTheStartIsRefused() throws Exception {
        CanaryRolloutStep step = new CanaryRolloutStep();
        // the canary's judge is built, then the chaos step is refused: this runtime runs no chaos
        step.setSpec(CanaryFixtures.spec(env.url(), "1.5.0", "0.0")
                .replace("  minSamples: 6\n", "  minSamples: 6\n  judge: mannWhitney\n")
                .replace("  - setWeight: 50\n", "  - chaos: {name: slow-canary, faults: [{latency: {ms: 200}}], duration: 1m}\n  - setWeight: 50\n"));
        CanaryRolloutExecution execution = new CanaryRolloutExecution(context, step.request(), runtime);

        org.assertj.core.api.Assertions.assertThatThrownBy(execution::start).isInstanceOf(hudson.AbortException.class);

        assertThat(built).isNotEmpty().allMatch(j -> j.closed);
        assertThat(runtime.sessions).allSatisfy(s -> assertThat(s.isClosed()).isTrue());
    }
}
