package io.devopssim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code devsim rollout} with every strategy, and {@code --dry-run}. */
class RolloutStrategiesTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int devsim(String... args) {
        return Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static final String ANALYSIS = """
            analysis:
              metrics:
                - {metric: error_rate, max: 0.02, maxRatio: 2.0}
            """;

    private Path spec(DemoEnvironment env, String strategy, String regression) throws IOException {
        Path spec = tmp.resolve("rollout.yaml");
        Files.writeString(spec, """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                %s%sgitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                simulation:
                  seed: 7
                  canaryRegression: %s
                """.formatted(strategy, ANALYSIS, env.url(), regression));
        return spec;
    }

    private String[] args(Path spec, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("rollout", "-f", spec.toString(), "--state-dir",
                tmp.resolve("state").toString(), "--start", "2026-11-23T09:00:00Z"));
        all.addAll(List.of(more));
        if (!all.contains("--dry-run") && !all.contains("--out")) {
            // the report goes to the test's folder, not out/ under the module
            all.addAll(List.of("--out", tmp.resolve("out").toString()));
        }
        return all.toArray(String[]::new);
    }

    @Test
    void shouldRunABlueGreenOnTheSimulatorAndPromoteByOneCommit() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = spec(env, """
                strategy: blueGreen
                blueGreen:
                  prePromotionAnalysis: {window: 1m}
                  postPromotionAnalysis: {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}
                """, "{}");

        int code = devsim(args(spec, "--out", tmp.resolve("out").toString()));

        assertThat(code).as(out.toString() + err).isZero();
        assertThat(out.toString()).contains("pre-promotion analysis 1m: PASSED")
                .contains("cut-over: the active service selects 1.5.0, which gets 100% of requests at once")
                .contains("post-promotion analysis 1m: PASSED").contains("=> PROMOTED");
        assertThat(env.history()).hasSize(2);
        assertThat(env.file()).contains("tag: \"1.5.0\"");
        assertThat(tmp.resolve("out/report.html")).exists();
    }

    @Test
    void shouldRollARollingUpdateBackBatchByBatchAndExitWith1() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = spec(env, """
                strategy: rolling
                rolling:
                  maxSurge: 50%
                  maxUnavailable: 0
                  healthCheck: {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}
                """, "{errorRateDelta: 0.05}");

        int code = devsim(args(spec, "--out", tmp.resolve("out").toString()));

        assertThat(code).as(out.toString() + err).isEqualTo(Devsim.EXIT_NOT_PROMOTED);
        assertThat(out.toString()).contains("batch 1/2: 5 of 10 replicas run 1.5.0, 50% of requests")
                .contains("batch 1/2 health check 1m at 50%: FAILED")
                .contains("rollback: every replica runs the stable version again")
                .contains("=> ROLLED_BACK: batch 1/2 unhealthy: FAILED");
        assertThat(env.file()).contains("tag: \"1.4.2\"");
        assertThat(env.history()).hasSize(2);
        assertThat(env.history().get(0).trailers()).containsEntry("Step", "rollback");
    }

    @Test
    void shouldRunAHybridsCanaryStepsThenItsCutOver() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = spec(env, """
                strategy: hybrid
                steps:
                  - setWeight: 10
                  - analysis: {window: 1m}
                blueGreen: {scaleDownDelaySeconds: 0}
                """, "{}");

        assertThat(devsim(args(spec))).as(out.toString() + err).isZero();
        assertThat(out.toString()).contains("step 1/2 setWeight 10: canary gets 10% of requests")
                .contains("cut-over: the active service selects 1.5.0, which gets 100% of requests at once (it had 10%)")
                .contains("=> PROMOTED");
        assertThat(env.file()).contains("tag: \"1.5.0\"");
    }

    @Test
    void aDryRunPrintsWhatItWouldDoAndTheCommitsItWouldMakeButPushesNothing() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = spec(env, """
                strategy: blueGreen
                blueGreen:
                  prePromotionAnalysis: {window: 1m}
                  autoPromotionEnabled: false
                """, "{}");
        List<Path> tempBefore = dryRunFolders();

        int code = devsim(args(spec, "--dry-run"));

        String o = out.toString();
        assertThat(code).as(o + err).isZero();
        assertThat(o).contains("Dry run of blueGreen rollout checkout-1.5.0: " + env.url())
                .contains("[dry run checkout 1.5.0 09:01:00] pre-promotion analysis 1m: PASSED")
                .contains("paused until approved: the cut-over to 1.5.0 waits")
                .contains("approved by the dry run")
                .contains("cut-over: the active service selects 1.5.0")
                .contains("== The dry run would commit to " + env.url() + " (branch main, apps/checkout/values.yaml) ==")
                .contains("Promote checkout to 1.5.0").contains("    Step: promote").contains("    Verdict: PASSED")
                .contains("    -  tag: \"1.4.2\"").contains("    +  tag: \"1.5.0\"")
                .contains("Nothing was pushed").contains("=> would end PROMOTED");
        assertThat(env.history()).as("the real repository").hasSize(1);
        assertThat(env.file()).contains("tag: \"1.4.2\"");
        assertThat(tmp.resolve("state")).as("no state saved").doesNotExist();
        assertThat(dryRunFolders()).as("the throwaway copy is deleted").isEqualTo(tempBefore);
    }

    @Test
    void aDryRunOfAFailingCanaryShowsTheRollbackItWouldRecord() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = spec(env, """
                steps:
                  - setWeight: 20
                  - analysis: {window: 1m}
                """, "{errorRateDelta: 0.05}");

        int code = devsim(args(spec, "--dry-run", "--out", tmp.resolve("report").toString()));

        assertThat(code).as(out.toString() + err).isEqualTo(Devsim.EXIT_NOT_PROMOTED);
        assertThat(out.toString()).contains("step 2/2 analysis 1m at 20%: FAILED")
                .contains("Roll back checkout 1.5.0, keep the stable version").contains("    Step: rollback")
                .contains("(no value changes: the commit records the decision)").contains("=> would end ROLLED_BACK");
        assertThat(env.history()).hasSize(1);
        assertThat(tmp.resolve("report/report.json")).exists();
    }

    @Test
    void aDryRunFindsTheStepsARolloutAlreadyCommitted() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = spec(env, "steps: [{setWeight: 20}, {analysis: {window: 1m}}]\n", "{}");
        assertThat(devsim(args(spec))).as(out.toString() + err).isZero();

        assertThat(devsim(args(spec, "--dry-run"))).isZero();

        assertThat(out.toString()).contains("already in history")
                .contains("(no commit: every step of this rollout id is in the branch's history already)");
        assertThat(env.history()).hasSize(2);
    }

    @Test
    void aDryRunOfARepositoryItCannotReadIsBadInput() throws Exception {
        Path spec = tmp.resolve("rollout.yaml");
        Files.writeString(spec, """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps: [{setWeight: 20}]
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """.formatted(tmp.resolve("no-such-repo.git").toUri()));

        assertThat(devsim(args(spec, "--dry-run"))).isEqualTo(Devsim.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("the dry run reads the environment repository (read only) and could not");
    }

    private static List<Path> dryRunFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("devsim-dry-run-")).sorted().toList();
        }
    }
}
