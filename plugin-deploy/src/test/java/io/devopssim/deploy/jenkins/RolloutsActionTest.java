package io.devopssim.deploy.jenkins;

import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.view.AnalysisPoint;
import io.devopssim.deploy.view.RolloutStatus;
import io.devopssim.deploy.view.RolloutView;
import io.devopssim.deploy.view.TimelinePoint;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a build's page shows of its rollouts, read from the saved state as the steps run. */
class RolloutsActionTest {
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

    @Test
    @DisplayName("a promoted canary: timeline, both analyses with canary and baseline means, the commit, a green badge")
    void shouldShowAPromotedRollout() throws Exception {
        run(CanaryFixtures.spec(env.url(), "1.5.0", "0.0"));

        RolloutsAction action = runtime.build.only(RolloutsAction.class);
        assertThat(action.getUrlName()).isEqualTo("devsim-rollouts");
        assertThat(action.getRunUrl()).isEqualTo(TestBuild.URL);
        RolloutView v = action.getView().rollouts().get(0);
        assertThat(v.subject().title()).isEqualTo("checkout 1.5.0");
        assertThat(v.status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(v.timeline()).filteredOn(p -> p.kind().equals("WEIGHT")).extracting(TimelinePoint::weight)
                .containsExactly(10, 50);
        assertThat(v.analyses()).extracting(AnalysisPoint::weight).containsExactly(10, 50);
        assertThat(v.analyses().get(1).metrics().get(0).metric()).isEqualTo("error_rate");
        assertThat(v.analyses().get(1).metrics().get(0).canary()).isNotNull();
        assertThat(v.analyses().get(1).metrics().get(0).baseline()).isNotNull();
        assertThat(v.commits()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("PROMOTED");
            assertThat(c.url()).as("a file repository has no web page").isNull();
        });
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote");

        RolloutBadgeAction badge = runtime.build.only(RolloutBadgeAction.class);
        assertThat(badge.getText()).isEqualTo("promoted 100.0");
        assertThat(badge.getTone()).isEqualTo("success");
        assertThat(badge.getTooltip()).startsWith("canaryRollout checkout-1.5.0-pipeline_1: promoted");
        assertThat(runtime.build.actions(RolloutApprovalAction.class)).as("no pause until approved").isEmpty();

        assertThat(action.charts(0)).as("the page's charts").extracting(io.devopssim.views.chart.Chart::title)
                .first().asString().isNotBlank();
        String timeline = action.charts(0).get(0).optionJson();
        assertThat(timeline).as("the timeline's option for ECharts").contains("\"series\"").contains("PASSED");
        assertThat(action.charts(0)).as("the gate's view of each metric").hasSizeGreaterThan(1);
        assertThat(action.charts(1)).as("no such rollout").isEmpty();
    }

    @Test
    @DisplayName("a rolled-back canary: the failing verdict, its reason and a red badge")
    void shouldShowARolledBackRollout() throws Exception {
        run(CanaryFixtures.spec(env.url(), "1.6.0", "0.05"));

        RolloutView v = runtime.build.only(RolloutsAction.class).getView().rollouts().get(0);
        assertThat(v.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(v.verdict()).isEqualTo("FAILED");
        assertThat(v.outcome()).startsWith("FAILED: error_rate canary");
        assertThat(v.analyses().get(0).metrics().get(0).status()).isEqualTo("HIGH");
        RolloutBadgeAction badge = runtime.build.only(RolloutBadgeAction.class);
        assertThat(badge.getStatus()).isEqualTo("ROLLED_BACK");
        assertThat(badge.getTone()).isEqualTo("danger");
        assertThat(badge.getText()).startsWith("rolled back ");
    }

    @Test
    @DisplayName("two rollouts in one build each get their entry and badge")
    void shouldListEveryRolloutOfTheBuild() throws Exception {
        run(CanaryFixtures.spec(env.url(), "1.5.0", "0.0"));
        context = new TestStepContext();
        run(CanaryFixtures.spec(env.url(), "1.5.1", "0.0"));

        assertThat(runtime.build.only(RolloutsAction.class).getView().rollouts()).extracting(RolloutView::rolloutId)
                .containsExactly("checkout-1.5.0-pipeline_1", "checkout-1.5.1-pipeline_1");
        assertThat(runtime.build.actions(RolloutBadgeAction.class)).extracting(RolloutBadgeAction::getText)
                .containsExactly("promoted 100.0", "promoted 100.0");
    }

    private void run(String yaml) throws Exception {
        new CanaryRolloutExecution(context, new RolloutRequest(null, yaml, null, false), runtime).start();
        runtime.scheduler.run(1000);
        assertThat(context.outcome).isDone();
    }
}
