package io.devopssim.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code devsim waves} on the example plan and registry shipped in the jar, against a local environment repository. */
class WavesCommandTest {
    private static final List<String> CLUSTERS = List.of("do-ams3", "gke-ew1", "aks-we", "eks-use1");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path plan;
    private String repoUrl;

    @BeforeEach
    void exampleWithALocalRepository() throws Exception {
        repoUrl = environmentRepository(tmp.resolve("env")).toUri().toString();
        plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, example("plan.yaml")
                .replace("https://git.example.com/platform/environments.git", repoUrl)
                .replace("  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}\n", ""));
        Files.writeString(tmp.resolve("clusters.yaml"), example("clusters.yaml"));
    }

    private int devsim(String... args) {
        return Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldRollTheExamplePlanOutWaveByWaveShiftingAzuresTraffic() throws Exception {
        int code = devsim("waves", "-f", plan.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--start", "2026-11-23T10:00:00Z");

        String o = out.toString();
        assertThat(code).as(o + err).isZero();
        assertThat(o).contains("[plan 10:00:00] rolling out checkout 1.5.0 to 4 clusters in 3 waves")
                .contains("[plan 10:00:00] wave 1/3 digitalocean: do-ams3")
                .contains("[digitalocean/do-ams3 10:00:00] step 1/4 setWeight 10: canary gets 10% of requests")
                .contains("[plan/aks-we 10:10:00] aks-we UNREACHABLE: simulated outage since 10m into the plan")
                .containsPattern("\\[plan/aks-we 10:10:00\\] shifted aks-we's traffic share 25 -> 0 to gke-ew1 25 -> 50 in commit [0-9a-f]{8}")
                .contains("[plan 10:21:00] wave gcp-azure passed: promoted in gke-ew1; skipped aks-we")
                .contains("[plan 10:21:00] wave 3/3 aws: eks-use1")
                .contains("=> SUCCEEDED: every wave passed; skipped as unhealthy: aks-we");
        assertThat(o).containsPattern("1 digitalocean\\s+do-ams3\\s+DigitalOcean DOKS\\s+ams3\\s+promoted\\s+12\\s+healthy\\s+sized [0-9a-f]{8}; promoted [0-9a-f]{8}")
                .containsPattern("2 gcp-azure\\s+aks-we\\s+Azure AKS\\s+westeurope\\s+skipped \\(unhealthy\\)");
    }

    @Test
    void shouldSizeEachClusterWithTheXgboostForecasterWhenAsked() throws Exception {
        int code = devsim("waves", "-f", plan.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--start", "2026-11-23T10:00:00Z", "--forecaster", "xgboost");

        String o = out.toString();
        assertThat(code).as(o + err).isZero();
        java.util.regex.Matcher sized = java.util.regex.Pattern.compile("do-ams3: helm replicaCount \\d+ -> (\\d+) for a forecast"
                + " peak of (\\d+) req/s \\(XGBoost on 7d of request rate: peak \\d+ req/s at \\d\\d:\\d\\d UTC over the next ").matcher(o);
        assertThat(sized.find()).as(o).isTrue();
        // 200 req/s swinging +-20 % a day: ~235 req/s around 10:00-10:10 UTC; 25 req/s a replica, +25 %: 12
        assertThat(Double.parseDouble(sized.group(2))).isCloseTo(235, org.assertj.core.api.Assertions.within(235 * 0.08));
        assertThat(Integer.parseInt(sized.group(1))).isEqualTo((int) Math.ceil(Double.parseDouble(sized.group(2)) * 1.25 / 25 - 1e-9));
        assertThat(o).doesNotContain("daily profile");
    }

    @Test
    void shouldRefuseAnUnknownForecaster() throws Exception {
        int code = devsim("waves", "-f", plan.toString(), "--state-dir", tmp.resolve("state").toString(), "--forecaster", "arima");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--forecaster must be diurnal or xgboost, not arima");
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void shouldExitWith1WhenAWaveIsRolledBack() throws Exception {
        Files.writeString(plan, Files.readString(plan).replace("    aks-we: {unhealthyAfter: 10m}",
                "    eks-use1: {canaryRegression: {errorRateDelta: 0.05}}"));

        int code = devsim("waves", "-f", plan.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--start", "2026-11-23T10:00:00Z");

        assertThat(code).as(out.toString() + err).isEqualTo(1);
        assertThat(out.toString()).contains("=> ROLLED_BACK: wave aws failed: eks-use1 rolled back: FAILED:");
    }

    @Test
    void shouldRunChaosInAWaveAndWaitForOneApprovalOfTheWave() throws Exception {
        Files.writeString(plan, Files.readString(plan).replace("""
                      - setWeight: 20
                      - analysis: {window: 3m}
                """, """
                      - setWeight: 20
                      - chaos: {name: slow-network, faults: [{latency: {ms: 50}}], duration: 1m, hypothesis: {probes: [{name: errors, metric: error_rate, max: 0.05}]}}
                      - pause: {}
                      - analysis: {window: 3m}
                """));
        String state = tmp.resolve("state").toString();

        int paused = devsim("waves", "-f", plan.toString(), "--state-dir", state, "--start", "2026-11-23T10:00:00Z");

        String o = out.toString();
        assertThat(paused).as(o + err).isEqualTo(3);
        assertThat(o).contains("wave aws waits for approval: eks-use1 at step 3 paused until approved")
                .contains("=> PAUSED for approval: devsim waves -f " + plan + " --id checkout-1.5.0 --approve")
                .containsPattern("\\[aws/eks-use1 [0-9:]+\\] step 2/4 chaos slow-network")
                .doesNotContain("wave aws passed");

        out.getBuffer().setLength(0);
        int done = devsim("waves", "-f", plan.toString(), "--state-dir", state, "--approve", "--by", "alice");

        assertThat(done).as(out.toString() + err).isZero();
        assertThat(out.toString()).contains("wave aws approved by alice: eks-use1 go on")
                .contains("[aws/eks-use1").contains("step 4/4 analysis")
                .contains("=> SUCCEEDED: every wave passed");
    }

    @Test
    void shouldReportEveryProblemOfThePlanWithExitCode2() throws Exception {
        Files.writeString(plan, Files.readString(plan).replace("clusters: [eks-use1]", "clusters: [eks-use2]")
                .replace("failover: shift", "failover: retry"));

        int code = devsim("waves", "-f", plan.toString(), "--state-dir", tmp.resolve("state").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is not a valid wave plan:")
                .contains("failover: \"retry\" is not a failover policy (one of skip, shift, abort)")
                .contains("waves[2].clusters[0]: \"eks-use2\" is not in the cluster registry (known: do-ams3, gke-ew1, aks-we, eks-use1)");
        assertThat(Files.exists(tmp.resolve("state"))).as("nothing happened").isFalse();
    }

    private static String example(String name) throws Exception {
        try (InputStream in = WavesCommandTest.class.getResourceAsStream("/examples/waves/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A bare repository holding each cluster's values file and the traffic weights, 25 each. */
    private static Path environmentRepository(Path root) throws Exception {
        Path bare = root.resolve("env.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = root.resolve("seed");
        try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            StringBuilder traffic = new StringBuilder("weights:\n");
            for (String c : CLUSTERS) {
                Path values = work.resolve("clusters/" + c + "/apps/checkout/values.yaml");
                Files.createDirectories(values.getParent());
                Files.writeString(values, "image:\n  repository: ghcr.io/acme/checkout\n  tag: \"1.4.2\"\n\nreplicaCount: 4\n");
                traffic.append("  ").append(c).append(": 25\n");
            }
            Files.createDirectories(work.resolve("global"));
            Files.writeString(work.resolve("global/checkout-traffic.yaml"), traffic.toString());
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Platform", "platform@example.com");
            git.commit().setMessage("seed").setAuthor(who).setCommitter(who).call();
            git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        }
        return bare;
    }
}
