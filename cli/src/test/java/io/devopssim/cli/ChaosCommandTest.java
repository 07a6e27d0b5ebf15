package io.devopssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class ChaosCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int devsim(String... args) {
        return Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Path experiment(Path dir, String faults) throws Exception {
        return Files.writeString(dir.resolve("experiment.yaml"), """
                name: checkout-chaos
                faults: %s
                duration: 2m
                hypothesis:
                  interval: 20s
                  probes:
                    - {name: errors, metric: error_rate, max: 0.05}
                """.formatted(faults));
    }

    @Test
    void shouldRunAnExperimentWhoseHypothesisHoldsAndExitZero(@TempDir Path tmp) throws Exception {
        int code = devsim("chaos", "run", "-f", experiment(tmp, "[{latency: {ms: 20}}]").toString(),
                "--state-dir", tmp.resolve("state").toString(), "--start", "2026-11-23T10:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("faults in force: [latency]", "=> COMPLETED: hypothesis held",
                "errors: 7 checks, 0 broken");
    }

    @Test
    void shouldExitOneWhenAnAbortHaltsTheFaults(@TempDir Path tmp) throws Exception {
        int code = devsim("chaos", "run", "-f", experiment(tmp, "[blackhole]").toString(),
                "--state-dir", tmp.resolve("state").toString(), "--start", "2026-11-23T10:00:00Z");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("abort: steady state broken at 2 check(s) in a row", "=> ABORTED");
    }

    @Test
    void shouldRefuseABadExperimentWithEveryProblemAndExitTwo(@TempDir Path tmp) throws Exception {
        int code = devsim("chaos", "run", "-f", experiment(tmp, "[{earthquake: {}}, {packetLoss: {percent: 150}}]").toString(),
                "--state-dir", tmp.resolve("state").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("faults[0]: unknown fault \"earthquake\"", "faults[1].packetLoss.percent: 150 is not in 1..100");
        assertThat(Files.exists(tmp.resolve("state"))).isFalse();
    }

    @Test
    void shouldDryRunASpecWrittenForKubernetesAndSaySo(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("experiment.yaml"), """
                name: checkout-chaos
                faults: [{latency: {ms: 20}}]
                duration: 2m
                backend: {type: kubernetes, namespace: shop, credentialsId: k8s-token, canaryLabels: {app: checkout, track: canary}}
                metrics: {prometheus: "http://prometheus.monitoring:9090", rateWindow: 2m}
                hypothesis:
                  interval: 20s
                  probes:
                    - {name: errors, metric: error_rate, max: 0.05}
                """);

        int code = devsim("chaos", "run", "-f", spec.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--start", "2026-11-23T10:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("note: the spec's backend kubernetes is for the chaosExperiment step;"
                        + " this is a dry run on the simulated fleet",
                "note: the spec's metrics section is for the chaosExperiment step", "=> COMPLETED: hypothesis held");
    }

    @Test
    void shouldRefuseASecretInTheSpecWithoutRepeatingIt(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("experiment.yaml"), """
                name: checkout-chaos
                faults: [{podKill: {count: 1}}]
                duration: 2m
                backend: {type: gremlin, apiKey: gk-live-0123456789, teamId: t-1}
                hypothesis: {probes: [{name: errors, metric: error_rate, max: 0.05}]}
                """);

        int code = devsim("chaos", "run", "-f", spec.toString(), "--state-dir", tmp.resolve("state").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("backend.apiKey: secrets never go in the spec").doesNotContain("gk-live-0123456789");
        assertThat(Files.exists(tmp.resolve("state"))).isFalse();
    }
}
