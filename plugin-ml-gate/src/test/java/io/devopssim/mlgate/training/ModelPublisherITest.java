package io.devopssim.mlgate.training;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.FilesCommitRequest;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.mlgate.gate.GatingCriterion;
import io.devopssim.mlgate.gate.ModelException;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.TrainingParams;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Promoted models committed to a Git repository served over HTTP on 127.0.0.1. */
class ModelPublisherITest {
    private static final TrainingParams PARAMS = new TrainingParams(20, 3, 0.3, 7, 1);
    private static final GitCredentials TRAINER = new GitCredentials("trainer", "s3cret-token".toCharArray());

    @TempDir
    Path tmp;

    private GitHttpTestServer server;
    private GitPromoter git;
    private String url;
    private final List<String> progress = new ArrayList<>();

    private static final class History {
        static final List<HistoryEntry> ENTRIES = ReleaseHistories.entries(1_000, 100);
    }

    @BeforeEach
    void start() throws Exception {
        server = new GitHttpTestServer("trainer", "s3cret-token");
        url = server.createRepository("models", Map.of("README.md", "gate models\n"));
        git = new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("clones")));
    }

    @AfterEach
    void stop() {
        git.close();
        server.close();
    }

    private TrainingOutcome train(Path dir, GitCredentials credentials) {
        TrainingRequest request = new TrainingRequest(List.of(ReleaseHistories.named("h", History.ENTRIES)), dir, 0, PARAMS,
                GatingCriterion.DEFAULT, HeldOutSplit.DEFAULT_SHARE, false, new ModelGitTarget(url, "main", "gate/", credentials));
        return new GateTraining(Clock.systemUTC(), git).run(request, progress::add);
    }

    @Test
    @DisplayName("each promoted model is one commit with its files, CURRENT, its figures and trailers")
    void promotedModelsAreCommitted() throws Exception {
        Path dir = tmp.resolve("models");

        TrainingOutcome first = train(dir, TRAINER);
        TrainingOutcome second = train(dir, TRAINER);

        assertThat(first.commitId()).isNotNull();
        assertThat(second.commitId()).isNotNull().isNotEqualTo(first.commitId());
        assertThat(server.readFile("models", "main", "gate/CURRENT")).isEqualTo("v0002\n");
        assertThat(server.readFile("models", "main", "gate/v0001/metadata.json")).contains("\"dataHash\"").contains("\"heldOut\"");
        try (var repo = server.openRepository("models")) {
            RevCommit tip = repo.parseCommit(repo.resolve("refs/heads/main"));
            try (var tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, "gate/v0002/model.ubj", tip.getTree())) {
                assertThat(repo.open(tw.getObjectId(0)).getBytes()).isEqualTo(Files.readAllBytes(dir.resolve("v0002/model.ubj")));
            }
        }
        List<RevCommit> history = server.history("models", "main");
        assertThat(history).hasSize(3);
        String message = history.get(0).getFullMessage();
        assertThat(message).startsWith("Gate model v0002: replaces v0001\n\nv0002 is not worse than v0001 and becomes current")
                .contains("Feature schema: " + io.devopssim.mlgate.gate.FeatureSchema.VERSION).containsPattern("Rollout-Id: gate-model-[0-9a-f]{16}\n")
                .containsPattern("Step: model-v0002-[0-9a-f]{12}\n");
        assertThat(progress).contains("committing v0002 to main of " + url);
    }

    @Test
    @DisplayName("a repository whose current model moved meanwhile refuses the commit: the new version is not kept, nothing is current")
    void aMovedCurrentModelRefusesThePublication() throws Exception {
        Path dir = tmp.resolve("models");
        train(dir, TRAINER);
        // another trainer promoted v0009 in the repository meanwhile
        git.commitFiles(new FilesCommitRequest(url, "main", Map.of("gate/CURRENT", "v0009\n".getBytes(StandardCharsets.UTF_8)),
                FilesCommitRequest.TipCheck.NONE, "Gate model v0009", null, new CommitTrailers("other", "model-v0009", null, null),
                TRAINER));

        assertThatThrownBy(() -> train(dir, TRAINER)).isInstanceOf(ModelException.class)
                .hasMessage("v0002 was not published, and not kept: the repository's current model is v0009, not v0001 that"
                        + " v0002 was compared with: another training promoted a model meanwhile; train again on its model directory");

        ModelRegistry registry = new ModelRegistry(dir);
        assertThat(registry.versions()).containsExactly("v0001");
        assertThat(registry.currentVersion()).contains("v0001");
        assertThat(server.history("models", "main")).hasSize(3);
    }

    @Test
    void aRefusedPushKeepsNothingAndNeverShowsThePassword() {
        Path dir = tmp.resolve("models");

        assertThatThrownBy(() -> train(dir, new GitCredentials("trainer", "wrong-s3cret".toCharArray())))
                .isInstanceOf(ModelException.class).hasMessageStartingWith("v0001 was not published, and not kept: ")
                .message().doesNotContain("wrong-s3cret");

        assertThat(new ModelRegistry(dir).versions()).isEmpty();
        assertThat(new ModelRegistry(dir).currentVersion()).isEmpty();
    }
}
