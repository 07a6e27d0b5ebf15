package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.view.RolloutStatus;
import io.devopssim.deploy.view.RolloutView;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code promoteRelease}: one commit, validated before anything, resumable, credentials never kept. */
class PromoteReleaseStepTest {
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

    private PromoteReleaseStep inline(String value) {
        PromoteReleaseStep step = new PromoteReleaseStep();
        step.setRepo(env.url());
        step.setFile(EnvRepoFixture.FILE);
        step.setHelm("image.tag");
        step.setValue(value);
        return step;
    }

    private PromoteReleaseExecution execution(PromoteReleaseStep s) {
        return new PromoteReleaseExecution(context, new PromoteRequest(s.getSpecFile(), s.getRepo(), s.getBranch(), s.getFile(),
                s.getYaml(), s.getHelm(), s.getKustomizeImage(), s.getValue(), s.getUsernameEnv(), s.getPasswordEnv(),
                s.getRolloutId()), runtime);
    }

    @Test
    @DisplayName("commits the value at the Helm key, changing nothing else, and returns the commit id")
    void shouldPromoteOneValueAndReturnTheCommit() throws Exception {
        PromoteReleaseExecution e = execution(inline("1.5.0"));

        assertThat(e.start()).isFalse();
        assertThat(env.trailers()).as("nothing happens inside start()").hasSize(1);
        runtime.scheduler.run(10);

        String commit = (String) context.outcome.get();
        assertThat(commit).hasSize(40);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
        assertThat(env.trailers().get(1)).containsEntry("Step", "promote")
                .hasEntrySatisfying("Rollout-Id", id -> assertThat(id).startsWith("pipeline_1-promote-"));
        assertThat(context.log()).contains("[promoteRelease] promoted: apps/checkout/values.yaml helm image.tag 1.4.2 -> 1.5.0 in commit "
                + commit.substring(0, 8));
        RolloutView v = runtime.build.only(RolloutsAction.class).getView().rollouts().get(0);
        assertThat(v.status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(v.commits()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(commit));
        assertThat(runtime.build.only(RolloutBadgeAction.class).getText()).isEqualTo("promoted");
    }

    @Test
    @DisplayName("with a spec file, the spec's gitops section is the target and its image tag the value")
    void shouldPromoteTheImageOfARolloutSpec() throws Exception {
        runtime.build.workspace = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(runtime.build.workspace.resolve("rollout.yaml"), CanaryFixtures.spec(env.url(), "1.7.0", "0.0"));
        PromoteReleaseStep step = new PromoteReleaseStep();
        step.setSpecFile("rollout.yaml");
        step.setRolloutId("checkout-1.7.0-fast");
        execution(step).start();
        runtime.scheduler.run(10);

        assertThat(context.outcome.get()).isNotNull();
        assertThat(env.file()).contains("tag: \"1.7.0\"");
        assertThat(env.trailers().get(1)).containsEntry("Rollout-Id", "checkout-1.7.0-fast");
        assertThat(runtime.build.only(RolloutsAction.class).getView().rollouts().get(0).subject().title())
                .isEqualTo("checkout 1.7.0");
    }

    @Test
    @DisplayName("bad arguments are all reported before anything is read, written or scheduled")
    void shouldRejectBadArgumentsBeforeAnySideEffect() throws Exception {
        PromoteReleaseStep bad = inline("1.5.0");
        bad.setRepo("https://user:pw@git.example/env.git");
        bad.setYaml("image.tag");
        bad.setUsernameEnv("GIT_USER");
        assertThatThrownBy(() -> execution(bad).start()).isInstanceOf(AbortException.class)
                .hasMessageContaining("promoteRelease: invalid arguments")
                .hasMessageContaining("has helm and yaml")
                .hasMessageContaining("repo: must not carry credentials")
                .hasMessageContaining("passwordEnv: required with usernameEnv")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("pw@"));

        assertThatThrownBy(() -> execution(inline(null)).start()).hasMessageContaining("value is required");
        assertThatThrownBy(() -> execution(inline("1.5.0\nStep: promote")).start()).hasMessageContaining("one line");
        PromoteReleaseStep both = inline("1.5.0");
        both.setSpecFile("rollout.yaml");
        assertThatThrownBy(() -> execution(both).start()).hasMessageContaining("not both");
        PromoteReleaseStep badId = inline("1.5.0");
        badId.setRolloutId("../../etc");
        assertThatThrownBy(() -> execution(badId).start()).hasMessageContaining("rolloutId \"../../etc\" must be");
        PromoteReleaseStep noSecret = inline("1.5.0");
        noSecret.setUsernameEnv("GIT_USER");
        noSecret.setPasswordEnv("GIT_TOKEN");
        assertThatThrownBy(() -> execution(noSecret).start()).hasMessageContaining("GIT_USER and GIT_TOKEN must both be set");

        assertThat(env.trailers()).hasSize(1);
        assertThat(runtime.scheduler.pending()).isZero();
        assertThat(runtime.build.actions).isEmpty();
        assertThat(tmp.resolve("build")).doesNotExist();
    }

    @Test
    @DisplayName("a step resumed after its commit was pushed finds it and commits nothing more")
    void shouldCommitOnceAcrossARestart() throws Exception {
        PromoteReleaseExecution e = execution(inline("1.5.0"));
        e.start();
        byte[] beforeTheCommit = StepSerialization.serialize(e, context);
        runtime.scheduler.run(10);
        String commit = (String) context.outcome.get();

        TestStepContext after = new TestStepContext();
        PromoteReleaseExecution resumed = StepSerialization.deserialize(beforeTheCommit, after, PromoteReleaseExecution.class);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        runtime.scheduler.run(10);

        assertThat(after.outcome.get()).isEqualTo(commit);
        assertThat(env.trailers()).hasSize(2);
        assertThat(after.log()).as("the resumed step logs only what it had not logged").contains("promoted:");
    }

    @Test
    @DisplayName("stopped before its commit: nothing is pushed and nothing runs later")
    void shouldPushNothingWhenStoppedFirst() throws Exception {
        PromoteReleaseExecution e = execution(inline("1.5.0"));
        e.start();
        InterruptedException cause = new InterruptedException("stopped");

        e.stop(cause);
        runtime.scheduler.run(10);

        assertThatThrownBy(() -> context.outcome.get()).hasCause(cause);
        assertThat(context.completions()).isEqualTo(1);
        assertThat(env.trailers()).hasSize(1);
        assertThat(context.log()).contains("stopped before any commit was pushed");
    }

    @Test
    @DisplayName("over HTTP with credentials from withCredentials: pushed, and the password is nowhere on disk, in the log or in the program")
    void shouldUseCredentialsFromTheEnvironmentAndKeepThemNowhere() throws Exception {
        try (GitHttpTestServer git = new GitHttpTestServer("deployer", "s3cr3t-token")) {
            String url = git.createRepository("env", Map.of(EnvRepoFixture.FILE, EnvRepoFixture.VALUES));
            context.env().put("GIT_USER", "deployer");
            context.env().put("GIT_TOKEN", "s3cr3t-token");
            PromoteReleaseStep step = inline("1.5.0");
            step.setRepo(url);
            step.setUsernameEnv("GIT_USER");
            step.setPasswordEnv("GIT_TOKEN");
            PromoteReleaseExecution e = execution(step);
            e.start();
            byte[] program = StepSerialization.serialize(e, context);
            runtime.scheduler.run(10);

            assertThat(context.outcome.get()).isNotNull();
            assertThat(git.readFile("env", "main", EnvRepoFixture.FILE)).contains("tag: \"1.5.0\"");
            RevCommit tip = git.history("env", "main").get(0);
            assertThat(tip.getFullMessage()).contains("Step: promote");
            assertThat(new String(program, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t-token");
            assertThat(context.log()).doesNotContain("s3cr3t-token");
            CanaryRolloutStepTest.assertNoFileUnder(tmp.resolve("build"), "s3cr3t-token");
        }
    }
}
