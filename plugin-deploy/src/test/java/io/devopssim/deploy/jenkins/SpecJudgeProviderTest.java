package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Judges beyond thresholds reach the rollout steps through {@link SpecJudgeProvider} extensions. */
class SpecJudgeProviderTest {
    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;
    private TestStepContext context;

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
        context = new TestStepContext();
    }

    private BlueGreenRolloutExecution mannWhitneyBlueGreen() {
        BlueGreenRolloutStep step = new BlueGreenRolloutStep();
        step.setSpec(CanaryFixtures.blueGreen(env.url(), "0.0", true)
                .replace("  minSamples: 6\n", "  minSamples: 6\n  judge: mannWhitney\n"));
        return new BlueGreenRolloutExecution(context, step.request(), runtime);
    }

    @Test
    @DisplayName("a provider supplied through the seam judges the spec's mannWhitney analyses")
    void shouldUseTheProviderForItsJudge() throws Exception {
        List<AnalysisSpec> asked = new ArrayList<>();
        runtime.judges.add((criteria, metrics, specDir) -> {
            if (criteria.judge() != JudgeKind.MANN_WHITNEY) {
                return Optional.empty();
            }
            asked.add(criteria);
            return Optional.of(new AnalysisRunner(metrics, new ThresholdJudge(criteria)));
        });

        mannWhitneyBlueGreen().start();
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(asked).isNotEmpty().allSatisfy(c -> assertThat(c.judge()).isEqualTo(JudgeKind.MANN_WHITNEY));
        assertThat(env.file()).contains("tag: \"1.5.0\"");
    }

    @Test
    @DisplayName("without a provider for its judge the spec is refused, naming the plugin, before any commit")
    void shouldRefuseAJudgeNoOneProvides() throws Exception {
        runtime.judges.add((criteria, metrics, specDir) -> Optional.empty());

        assertThatThrownBy(mannWhitneyBlueGreen()::start).isInstanceOf(AbortException.class)
                .hasMessage("blueGreenRollout: install devsim-ml-gate for analysis.judge: mannWhitney");

        assertThat(env.trailers()).hasSize(1);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(runtime.build.actions).isEmpty();
        assertThat(tmp.resolve("build/devsim-rollouts")).doesNotExist();
    }
}
