package io.devopssim.core.gitops;

import io.devopssim.core.gitops.ValueLocator.HelmValue;
import io.devopssim.core.testing.GitHttpTestServer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several values of one manifest in one commit ({@link GitPromoter#promoteValues}), over HTTP on 127.0.0.1. */
class GitPromoterValuesTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "weights-Token-7";
    private static final GitCredentials CREDENTIALS = new GitCredentials(USER, PASSWORD.toCharArray());
    private static final String FILE = "global/checkout-traffic.yaml";
    private static final String WEIGHTS = """
            # share of checkout's traffic per cluster (external-dns weighted records)
            weights:
              do-ams3: 40   # canary region
              gke-ew1: 30
              aks-we: 30
            """;
    private static final List<ValueLocator> ALL = List.of(new HelmValue("weights.do-ams3"),
            new HelmValue("weights.gke-ew1"), new HelmValue("weights.aks-we"));

    private static GitHttpTestServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws IOException {
        server = new GitHttpTestServer(USER, PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("several values change in one commit; every other byte stays")
    void shouldChangeSeveralValuesInOneCommit() throws Exception {
        String url = server.createRepository("weights-1", Map.of(FILE, WEIGHTS));
        try (GitPromoter promoter = promoter()) {
            PromotionResult result = promoter.promoteValues(request(url, "plan-1", "failover-aks-we",
                    List.of(change("weights.aks-we", "0"), change("weights.do-ams3", "55"), change("weights.gke-ew1", "45"))));

            assertThat(result.alreadyCommitted()).isFalse();
            assertThat(result.valueChanged()).isTrue();
            assertThat(result.previousValue()).isEqualTo("30, 40, 30");
            assertThat(server.readFile("weights-1", "main", FILE)).isEqualTo(WEIGHTS
                    .replace("do-ams3: 40", "do-ams3: 55").replace("gke-ew1: 30", "gke-ew1: 45").replace("aks-we: 30", "aks-we: 0"));
            assertThat(server.history("weights-1", "main")).hasSize(2);
            assertThat(promoter.currentValues(url, "main", FILE, ALL, CREDENTIALS)).containsExactly("55", "45", "0");
        }
    }

    @Test
    @DisplayName("the same step again finds its commit and pushes nothing")
    void shouldNotCommitTheSameStepTwice() throws Exception {
        String url = server.createRepository("weights-2", Map.of(FILE, WEIGHTS));
        try (GitPromoter promoter = promoter()) {
            ValuesPromotionRequest request = request(url, "plan-2", "failover-gke-ew1",
                    List.of(change("weights.gke-ew1", "0"), change("weights.do-ams3", "70")));
            PromotionResult first = promoter.promoteValues(request);
            PromotionResult again = promoter.promoteValues(request);

            assertThat(again.alreadyCommitted()).isTrue();
            assertThat(again.commitId()).isEqualTo(first.commitId());
            List<RevCommit> history = server.history("weights-2", "main");
            assertThat(history).hasSize(2);
        }
    }

    @Test
    @DisplayName("a missing value refuses the whole commit: no value changes alone")
    void shouldChangeNothingWhenOneValueIsMissing() throws Exception {
        String url = server.createRepository("weights-3", Map.of(FILE, WEIGHTS));
        try (GitPromoter promoter = promoter()) {
            assertThatThrownBy(() -> promoter.promoteValues(request(url, "plan-3", "failover-x",
                    List.of(change("weights.do-ams3", "0"), change("weights.eks-use1", "100")))))
                    .isInstanceOf(PromotionException.class).hasMessageContaining(FILE).hasMessageContaining("eks-use1")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(server.readFile("weights-3", "main", FILE)).isEqualTo(WEIGHTS);
            assertThat(server.history("weights-3", "main")).hasSize(1);
        }
    }

    private GitPromoter promoter() {
        return new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("promoter-" + System.nanoTime())));
    }

    private static ValueChange change(String key, String value) {
        return new ValueChange(new HelmValue(key), value);
    }

    private static ValuesPromotionRequest request(String url, String rolloutId, String step, List<ValueChange> changes) {
        return new ValuesPromotionRequest(url, "main", FILE, changes, "Shift traffic", new CommitTrailers(rolloutId, step,
                null, null), CREDENTIALS);
    }
}
