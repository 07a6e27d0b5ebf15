package io.devopssim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.state.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevsimTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int devsim(String... args) {
        return Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void demoShouldPromoteTheHealthyReleaseRollBackTheBadOneAndWriteAReport() throws Exception {
        Path dir = tmp.resolve("demo");

        int code = devsim("demo", "--out", dir.toString());

        String o = out.toString();
        assertThat(code).as(o + err).isZero();
        assertThat(o).contains("step 1/8 setWeight 10: canary gets 10% of requests")
                .containsPattern("step 2/8 analysis 2m at 10%: PASSED score 100.0 \\| error_rate canary [0-9.]+ baseline [0-9.]+")
                .contains("=> PROMOTED (as expected)")
                .containsPattern("analysis 2m at 10%: FAILED score [0-9.]+ \\| error_rate canary")
                .contains("=> ROLLED_BACK (as expected)")
                .contains("Rollout-Id: checkout-1.5.0").contains("Step: promote").contains("Verdict: PASSED")
                .contains("Rollout-Id: checkout-1.6.0").contains("Step: rollback").contains("Verdict: FAILED")
                .contains("Demo finished: 1.5.0 promoted, 1.6.0 rolled back");
        // git log order: newest first, so the rollback comes before the promotion
        assertThat(o.indexOf("Step: rollback")).isLessThan(o.indexOf("Step: promote"));

        JsonNode report = Json.mapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("success").asBoolean()).isTrue();
        assertThat(report.get("rollouts")).hasSize(2);
        assertThat(report.get("rollouts").get(0).get("phase").asText()).isEqualTo("PROMOTED");
        assertThat(report.get("rollouts").get(1).get("phase").asText()).isEqualTo("ROLLED_BACK");
        assertThat(report.get("commits")).hasSize(3);
        assertThat(report.get("rollouts").get(0).get("series")).isNotEmpty();

        assertThat(report.get("rollouts").get(1).get("environment").asText()).isEqualTo("demo");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("class=\"devsim-chart\"").contains("checkout-1.6.0")
                .contains("rolled back").contains("Content-Security-Policy").doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(o).contains("Badge: " + dir.resolve("badges/checkout-demo.svg"));
        assertThat(Files.readString(dir.resolve("badges/checkout-demo.svg")))
                .as("the latest rollout of checkout in demo").contains(">rolled back \u00B7 score 0<").contains("#e05d44");
    }

    @Test
    void demoShouldRefuseToEmptyAFolderItDidNotMake() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");

        int code = devsim("demo", "--out", mine.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("was not made by devsim");
        assertThat(mine.resolve("notes.txt")).exists();
    }

    @Test
    void rolloutShouldReportEveryProblemOfAnInvalidSpecWithExitCode2() throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, """
                app: Checkout_Service
                image: ghcr.io/acme/checkout
                steps:
                  - setWeight: 150
                gitops:
                  file: values.yaml
                  helm: image.tag
                """);

        int code = devsim("rollout", "-f", spec.toString(), "--state-dir", tmp.resolve("state").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is not a valid rollout spec").contains("steps[0].setWeight: 150 is not in 0..100")
                .contains("gitops.repo").contains("app").contains("image");
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void rolloutShouldPromoteByCommitAndNotCommitAgainWhenRerunWithTheSameId() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = tmp.resolve("rollout.yaml");
        Files.writeString(spec, """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 20
                  - analysis: {window: 2m}
                analysis:
                  metrics:
                    - {metric: error_rate, max: 0.02}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """.formatted(env.url()));
        String[] args = {"rollout", "-f", spec.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--out", tmp.resolve("out").toString(), "--start", "2026-11-23T09:00:00Z"};

        assertThat(devsim(args)).as(out.toString() + err).isZero();
        assertThat(devsim(args)).as("rerun: the saved state says it is done").isZero();

        assertThat(out.toString()).contains("step 2/2 analysis 2m at 20%: PASSED").contains("=> PROMOTED");
        assertThat(env.history()).hasSize(2);
        assertThat(env.file()).contains("tag: \"1.5.0\"");
        assertThat(tmp.resolve("out/report.html")).exists();
    }

    @Test
    void aRolloutPausedForApprovalGoesOnWhenApprovedAndRollsBackWhenAborted() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = tmp.resolve("rollout.yaml");
        Files.writeString(spec, """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 20
                  - pause: {}
                  - analysis: {window: 2m}
                analysis:
                  metrics:
                    - {metric: error_rate, max: 0.02}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """.formatted(env.url()));
        String state = tmp.resolve("state").toString();
        String[] first = {"rollout", "-f", spec.toString(), "--id", "first", "--state-dir", state,
                "--out", tmp.resolve("out1").toString(), "--start", "2026-11-23T09:00:00Z"};
        String[] second = {"rollout", "-f", spec.toString(), "--id", "second", "--state-dir", state,
                "--out", tmp.resolve("out2").toString(), "--start", "2026-11-23T10:00:00Z"};

        assertThat(devsim(first)).as(out.toString() + err).isEqualTo(Devsim.EXIT_PAUSED);
        assertThat(out.toString()).contains("step 2/3 paused until approved").contains("devsim approve --id first");
        assertThat(env.history()).hasSize(1);
        assertThat(devsim("abort", "--id", "first", "--state-dir", state)).as("not paused yet? " + err).isZero();

        assertThat(devsim(second)).isEqualTo(Devsim.EXIT_PAUSED);
        assertThat(devsim("approve", "--id", "second", "--state-dir", state, "--by", "alice")).isZero();
        assertThat(devsim("approve", "--id", "second", "--state-dir", state)).as("approved twice").isEqualTo(2);
        assertThat(err.toString()).contains("rollout second is not waiting for approval (it is progressing)");

        assertThat(devsim(second)).as(out.toString() + err).isZero();
        assertThat(out.toString()).contains("step 2 approved by alice").contains("=> PROMOTED");
        assertThat(devsim(first)).isEqualTo(Devsim.EXIT_NOT_PROMOTED);
        assertThat(out.toString()).contains("=> ABORTED");
        assertThat(env.history()).hasSize(3);
        assertThat(env.file()).contains("tag: \"1.5.0\"");
    }

    @Test
    void rolloutShouldSayClearlyWhenTheSpecFileIsMissing() {
        int code = devsim("rollout", "-f", tmp.resolve("nope.yaml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("spec file").contains("does not exist");
    }

    @Test
    void unknownOptionsAreBadInput() {
        assertThat(devsim("demo", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(devsim("--help")).isZero();
        assertThat(devsim("demo", "--help")).isZero();
        assertThat(devsim("rollout", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: devsim").contains("Usage: devsim demo").contains("Usage: devsim rollout");
    }

    @Test
    void credentialsComeFromTheNamedVariablesAndMissingOnesAreBadInput() {
        var spec = new io.devopssim.core.spec.CredentialsSpec("GIT_USER", "GIT_TOKEN", null);
        var creds = Credentials.from(spec, Map.of("GIT_USER", "deployer", "GIT_TOKEN", "t0ken"));
        assertThat(creds.username()).isEqualTo("deployer");
        assertThat(creds.toString()).doesNotContain("t0ken");
        assertThatThrownBy(() -> Credentials.from(spec, Map.of("GIT_USER", "deployer")))
                .isInstanceOf(UserError.class).hasMessageContaining("GIT_TOKEN");
    }
}
