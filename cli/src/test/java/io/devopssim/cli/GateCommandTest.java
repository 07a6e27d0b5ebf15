package io.devopssim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.state.Json;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** devsim rollout writes history, devsim gate train learns from it, and devsim rollout judges with the model. */
class GateCommandTest {
    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int devsim(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path spec(String name, String repo, String tag, String analysis, double errorDelta) throws Exception {
        Path spec = tmp.resolve(name);
        Files.writeString(spec, """
                app: checkout
                image: ghcr.io/acme/checkout:%s
                steps:
                  - setWeight: 10
                  - analysis: {window: 3m}
                analysis:
                %s
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                simulation:
                  seed: %d
                  canaryRegression: {errorRateDelta: %s}
                """.formatted(tag, analysis.indent(2).stripTrailing(), repo, tag.hashCode(), errorDelta));
        return spec;
    }

    private int rollout(Path spec, Path state) {
        return devsim("rollout", "-f", spec.toString(), "--state-dir", state.toString(), "--out", tmp.resolve("out").toString(),
                "--start", "2026-11-23T09:00:00Z");
    }

    @Test
    @DisplayName("rollouts append history; gate train learns from it; a rollout judged by the model prints its SHAP reasons")
    void fromHistoryToAGatedRollout() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path state = tmp.resolve("state");
        String thresholds = "metrics:\n  - {metric: error_rate, max: 0.02}";
        assertThat(rollout(spec("good.yaml", env.url(), "1.5.0", thresholds, 0), state)).as(out + "" + err).isZero();
        assertThat(rollout(spec("bad.yaml", env.url(), "1.6.0", thresholds, 0.05), state)).isEqualTo(Devsim.EXIT_NOT_PROMOTED);
        List<HistoryEntry> written = new JsonLinesHistory(state.resolve("history.jsonl")).read().entries();
        assertThat(written).extracting(HistoryEntry::rolloutId).containsExactly("checkout-1.5.0", "checkout-1.6.0");
        Path historyFile = state.resolve("history.jsonl");
        String unrelabelled = Files.readString(historyFile);
        assertThat(devsim("gate", "relabel", "--history", historyFile.toString(), "--rollout", "checkout-1.7.0", "--outcome", "good",
                "--by", "alice", "--reason", "typo")).isEqualTo(2);
        assertThat(err.toString()).contains("no rollout 'checkout-1.7.0' in the history (2 rollouts; the latest: checkout-1.6.0, checkout-1.5.0)");
        assertThat(devsim("gate", "relabel", "--history", historyFile.toString(), "--rollout", "checkout-1.5.0", "--outcome", "meh",
                "--by", "alice", "--reason", "typo")).isEqualTo(2);
        assertThat(err.toString()).contains("the outcome must be good or bad, not 'meh'");
        assertThat(Files.readString(historyFile)).isEqualTo(unrelabelled);
        assertThat(devsim("gate", "relabel", "--history", historyFile.toString(), "--rollout", "checkout-1.6.0", "--outcome", "bad",
                "--by", "alice", "--reason", "confirmed in the incident review")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Relabelled checkout-1.6.0 as bad by alice (it ROLLED_BACK, decided by judge:threshold):"
                + " confirmed in the incident review");
        assertThat(new JsonLinesHistory(historyFile).read().relabels()).singleElement()
                .satisfies(r -> assertThat(r.by()).isEqualTo("alice"));

        Path models = tmp.resolve("models");
        int trained = devsim("gate", "train", "--history", state.toString(), "--model-dir", models.toString(), "--simulated", "100",
                "--rounds", "30");

        assertThat(trained).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("history " + state.resolve("history.jsonl") + ": 2 entries, 1 relabels")
                .contains("labelled 1 healthy and 1 bad releases from history (1 as relabelled)").contains("simulated 100/100 releases")
                .contains("training: 30/30 rounds").contains("v0001 becomes the first current model: recall ")
                .contains("=> v0001 is the current model");
        assertThat(models.resolve("CURRENT")).hasContent("v0001\n");

        Path gated = spec("gated.yaml", env.url(), "1.7.0", "judge: xgboost\nmodel: models", 0.05);
        int code = rollout(gated, state);

        assertThat(code).as(out + "" + err).isEqualTo(Devsim.EXIT_NOT_PROMOTED);
        assertThat(out.toString()).contains("step 2/2 analysis 3m at 10%: FAILED")
                .contains("reason: probability the release is bad ")
                .containsPattern("reason: [a-z0-9_]+\\.[a-z0-9_]+ = \\S+ \\(SHAP [+-]\\S+ toward (bad|healthy)\\)");
        JsonNode saved = Json.mapper().readTree(state.resolve("checkout-1.7.0.json").toFile());
        assertThat(saved.toString()).contains("probability the release is bad").contains("(SHAP ");
        HistoryEntry last = new JsonLinesHistory(state.resolve("history.jsonl")).read().entries().get(2);
        assertThat(last.decidedBy().toString()).isEqualTo("judge:xgboost");
        assertThat(last.judgement().reasons()).anyMatch(r -> r.contains("(SHAP "));

        // a chaos step before the analysis: its result reaches the model, its reasons and the history
        Path chaos = tmp.resolve("chaos.yaml");
        Files.writeString(chaos, """
                app: checkout
                image: ghcr.io/acme/checkout:1.8.0
                steps:
                  - setWeight: 10
                  - chaos:
                      name: slow-network
                      faults:
                        - latency: {ms: 30}
                      duration: 1m
                      hypothesis:
                        interval: 10s
                        recoveryTimeout: 1m
                        probes:
                          - {name: canary-p99, metric: latency_p99_ms, max: 600}
                  - analysis: {window: 3m}
                analysis:
                  judge: xgboost
                  model: models
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                simulation:
                  seed: 5
                """.formatted(env.url()));
        rollout(chaos, state);
        assertThat(out.toString()).as(err.toString()).contains("step 2/3 chaos slow-network: COMPLETED")
                .containsPattern("reason: chaos checkout-1\\.8\\.0-chaos-2 \\(COMPLETED\\): hypothesis (held|broken), error budget burned"
                        + " .*; chaos features SHAP [+-]\\S+ toward (bad|healthy)");
        HistoryEntry chaosEntry = new JsonLinesHistory(state.resolve("history.jsonl")).read().entries().get(3);
        assertThat(chaosEntry.window().chaos()).isNotNull();
        assertThat(chaosEntry.window().chaos().experimentId()).isEqualTo("checkout-1.8.0-chaos-2");
        assertThat(chaosEntry.judgement().reasons()).anyMatch(r -> r.startsWith("chaos checkout-1.8.0-chaos-2 "));
    }

    @Test
    @DisplayName("a spec whose model cannot be loaded is bad input before the rollout starts")
    void anUnloadableModelStopsTheRolloutBeforeItStarts() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Files.createDirectories(tmp.resolve("empty-models"));

        int code = rollout(spec("gated.yaml", env.url(), "1.7.0", "judge: xgboost\nmodel: empty-models", 0), tmp.resolve("state"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("gated.yaml: analysis.model empty-models (")
                .contains("holds no model: train one with devsim gate train");
        assertThat(env.history()).hasSize(1);
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void trainingErrorsAreBadInput() throws Exception {
        Path models = tmp.resolve("models");
        assertThat(devsim("gate", "train", "--model-dir", models.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to train on: give --history");

        assertThat(devsim("gate", "train", "--history", tmp.resolve("nope.jsonl").toString(), "--model-dir", models.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("history " + tmp.resolve("nope.jsonl") + " does not exist");

        Path history = tmp.resolve("history.jsonl");
        Files.writeString(history, "{\"format\":7,\"rolloutId\":\"x\"}\n");
        assertThat(devsim("gate", "train", "--history", history.toString(), "--model-dir", models.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1 is history format 7; this devsim reads format 2 and older");

        Files.writeString(history, "");
        assertThat(devsim("gate", "train", "--history", history.toString(), "--model-dir", models.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no labelled example").contains("--simulated 400");
        assertThat(models).doesNotExist();

        assertThat(devsim("gate", "train", "--simulated", "40", "--model-dir", models.toString(), "--held-out", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("the held-back share must be between 0 and 1, got 1.5");
    }

    @Test
    @DisplayName("--git commits the promoted model to the repository")
    void promotedModelsGoToGit() throws Exception {
        Path bare = tmp.resolve("models.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git work = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(tmp.resolve("w").toFile()).call()) {
            Files.writeString(tmp.resolve("w/README.md"), "models\n");
            work.add().addFilepattern("README.md").call();
            work.commit().setMessage("init").setAuthor("t", "t@localhost").setCommitter("t", "t@localhost").call();
            work.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
        }

        int code = devsim("gate", "train", "--simulated", "60", "--rounds", "20", "--model-dir", tmp.resolve("models").toString(),
                "--git", bare.toUri().toString(), "--git-path", "gate");

        assertThat(code).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("Committed: ");
        try (Git git = Git.open(bare.toFile())) {
            assertThat(git.log().call().iterator().next().getShortMessage()).isEqualTo("Gate model v0001: the first current model");
        }
    }

    @Test
    void gateHasHelp() {
        assertThat(devsim("gate", "train", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: devsim gate train").contains("--false-rollback-rate");
    }
}
