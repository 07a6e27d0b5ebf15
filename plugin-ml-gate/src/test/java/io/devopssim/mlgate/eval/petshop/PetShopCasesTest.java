package io.devopssim.mlgate.eval.petshop;

import io.devopssim.core.judge.Judge;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** PetShop files in the dataset's layout, written here, read as canary decisions. */
class PetShopCasesTest {
    private static final String HEADER = """
            microservice,PetSearch,PetSite,PetSite,PetSite,PetSite
            metric,latency,availability,latency,latency,requests
            statistic,p99,Average,p50,p99,Sum
            unix_timestamp,,,,,
            """;

    @Test
    @DisplayName("an issue is a rollback case against the whole normal file; normal slices are promote cases without their neighbours")
    void shouldBuildIssueAndNormalCases(@TempDir Path root) throws IOException {
        writeScenario(root);
        List<PetShopCase> cases = PetShopCases.read(root);

        PetShopCase issue = cases.get(0);
        assertThat(issue.id()).isEqualTo("high_traffic/issue_0");
        assertThat(issue.faultType()).isEqualTo("searcherrorpercent 2");
        assertThat(issue.bad()).isTrue();
        CanaryBaseline errors = issue.input().series().get(StandardMetrics.ERROR_RATE);
        // availability 97.5 % is an error rate of 0.025; the empty cell is NaN, kept as missing
        assertThat(errors.canary().get(2).value()).isCloseTo(0.025, within(1e-12));
        assertThat(errors.canary().get(4).value()).isNaN();
        assertThat(errors.baseline()).hasSize(30);
        assertThat(issue.input().series().get(StandardMetrics.LATENCY_P99_MS).canary().get(0).value()).isCloseTo(400.0, within(1e-9));
        assertThat(issue.input().series().get(StandardMetrics.REQUEST_RATE).canary().get(0).value()).isCloseTo(2.0, within(1e-12));
        assertThat(issue.input().series()).doesNotContainKey(StandardMetrics.CPU_CORES);
        assertThat(issue.hasBaseline()).isTrue();

        List<PetShopCase> normal = cases.subList(1, cases.size());
        assertThat(normal).hasSize(6).allMatch(c -> !c.bad() && c.faultType().equals(PetShopCase.NORMAL));
        // slice rows 10..14: baseline = rows outside 5..19, i.e. 0..4 and 20..29
        PetShopCase middle = normal.get(2);
        assertThat(middle.id()).isEqualTo("high_traffic/normal@10");
        List<Sample> baseline = middle.input().series().get(StandardMetrics.LATENCY_P50_MS).baseline();
        assertThat(baseline).hasSize(15);
        assertThat(baseline).extracting(Sample::value).doesNotContain(10_000.0, 14_000.0, 5_000.0, 19_000.0).contains(4_000.0, 20_000.0);
    }

    @Test
    @DisplayName("the evaluation counts rollbacks per fault type and on normal slices, inconclusive apart")
    void shouldTallyVerdictsPerFaultType(@TempDir Path root) throws IOException {
        writeScenario(root);
        List<PetShopCase> cases = PetShopCases.read(root);
        // a judge that fails a canary whose mean p50 is above 12 s: the issue (p50 50 ms) passes,
        // normal slices from row 15 on fail, the slice at row 10 (10..14 s, mean 12 s) is inconclusive
        Judge judge = input -> {
            double mean = input.series().get(StandardMetrics.LATENCY_P50_MS).canary().stream().mapToDouble(Sample::value).average().orElseThrow();
            Verdict v = mean > 12_000 ? Verdict.FAILED : mean == 12_000 ? Verdict.INCONCLUSIVE : Verdict.PASSED;
            return new Judgement(v, 0, List.of(), List.of());
        };
        Map<String, PetShopEvaluation.Tally> tallies = PetShopEvaluation.evaluate(cases, c -> judge);
        assertThat(tallies).containsOnlyKeys("searcherrorpercent 2", PetShopCase.NORMAL);
        assertThat(tallies.get("searcherrorpercent 2").passed()).isEqualTo(1);
        PetShopEvaluation.Tally normal = tallies.get(PetShopCase.NORMAL);
        assertThat(normal.cases()).isEqualTo(6);
        assertThat(normal.failed()).isEqualTo(3);
        assertThat(normal.inconclusive()).isEqualTo(1);
        assertThat(normal.passed()).isEqualTo(2);
    }

    @Test
    @DisplayName("fault types are read from the injected SSM parameter; a labels row with a stray cell is an error")
    void shouldParseFaultTypesAndRefuseBadLabels(@TempDir Path root) throws IOException {
        assertThat(PetShopCases.faultType("ssm parameter /petstore/searchdelay = 1000")).isEqualTo("searchdelay 1000");
        assertThat(PetShopCases.faultType("cdk deploy of a code change")).isEqualTo("cdk deploy of a code change");
        writeScenario(root);
        Files.writeString(root.resolve("labels.csv"), Files.readString(root.resolve("labels.csv")).replace(",rollback", ",x,rollback"));
        assertThatThrownBy(() -> PetShopCases.read(root)).hasMessageContaining("cells where the header has");
    }

    private static void writeScenario(Path root) throws IOException {
        Path issue = root.resolve("high_traffic/train/issue_0");
        Files.createDirectories(issue);
        StringBuilder issueCsv = new StringBuilder(HEADER);
        double[] availability = {100, 99.9, 97.5, 98, Double.NaN};
        for (int r = 0; r < 5; r++) {
            issueCsv.append(1_681_335_600 + 300 * r).append(".0,0.5,")
                    .append(Double.isNaN(availability[r]) ? "" : Double.toString(availability[r]))
                    .append(",0.05,0.4,600.0\n");
        }
        Files.writeString(issue.resolve("metrics.csv"), issueCsv.toString());
        Path normal = root.resolve("high_traffic/noissue");
        Files.createDirectories(normal);
        StringBuilder normalCsv = new StringBuilder(HEADER);
        for (int r = 0; r < 30; r++) {
            // p50 of row r is r seconds, to tell rows apart
            normalCsv.append(1_693_922_400 + 300 * r).append(".0,0.5,100.0,").append(r).append(".0,0.4,690.0\n");
        }
        Files.writeString(normal.resolve("metrics_first60pct.csv"), normalCsv.toString());
        Files.writeString(root.resolve("labels.csv"), """
                scenario,split,issue,target_node,injected_fault,expected_gate_decision
                high_traffic,train,issue_0,PetSite,ssm parameter /petstore/searcherrorpercent = 2,rollback
                """);
    }
}
