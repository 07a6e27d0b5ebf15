package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

class ExperimentReaderTest {
    private final ExperimentReader reader = new ExperimentReader();

    static final String FULL = """
            name: checkout-under-fire
            target: {labels: {app: checkout, track: canary}, percent: 50}
            faults:
              - latency: {ms: 200}
              - packetLoss: {percent: 10}
              - blackhole
              - cpu: {cores: 2, percent: 80}
              - memory: {mib: 512}
              - podKill: {count: 1}
              - nodeFailure: {}
              - processKill: {name: java}
            duration: 5m
            ramp: 1m
            hypothesis:
              interval: 30s
              recoveryTimeout: 2m
              probes:
                - {name: errors, metric: error_rate, max: 0.05}
                - {name: stable-latency, metric: latency_p99_ms, max: 300, on: baseline}
                - {name: health, url: "http://127.0.0.1:8080/healthz", expectStatus: 204, timeout: 1s}
            abort: {afterFailedChecks: 3}
            """;

    @Test
    void shouldReadEveryFaultProbeAndSetting() throws Exception {
        ExperimentSpec spec = reader.read(FULL);

        assertThat(spec.name()).isEqualTo("checkout-under-fire");
        assertThat(spec.target()).isEqualTo(new ChaosTarget(ChaosTarget.Kind.LABELS, 50,
                Map.of("app", "checkout", "track", "canary")));
        assertThat(spec.faults()).containsExactly(new Fault.Latency(200), new Fault.PacketLoss(10), new Fault.Blackhole(),
                new Fault.Cpu(2, 80), new Fault.Memory(512), new Fault.PodKill(1), new Fault.NodeFailure(),
                new Fault.ProcessKill("java"));
        assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.ramp()).isEqualTo(Duration.ofMinutes(1));
        assertThat(spec.hypothesis().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.hypothesis().recoveryTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.hypothesis().probes()).containsExactly(
                new ProbeSpec.MetricProbe("errors", "error_rate", 0.05, null, ProbeSpec.Side.CANARY),
                new ProbeSpec.MetricProbe("stable-latency", "latency_p99_ms", 300.0, null, ProbeSpec.Side.BASELINE),
                new ProbeSpec.HttpProbe("health", URI.create("http://127.0.0.1:8080/healthz"), 204, Duration.ofSeconds(1)));
        assertThat(spec.abort().afterFailedChecks()).isEqualTo(3);
    }

    @Test
    void shouldTargetTheCanaryWithDefaultsWhenLeftOut() throws Exception {
        ExperimentSpec spec = reader.read("""
                name: minimal
                faults: [{latency: {ms: 100}}]
                duration: 1m
                hypothesis: {probes: [{name: errors, metric: error_rate, max: 0.05}]}
                """);

        assertThat(spec.target()).isEqualTo(ChaosTarget.CANARY);
        assertThat(spec.ramp()).isZero();
        assertThat(spec.hypothesis().interval()).isEqualTo(ExperimentReader.DEFAULT_INTERVAL);
        assertThat(spec.abort()).isEqualTo(ExperimentSpec.AbortPolicy.DEFAULT);
    }

    @Test
    void shouldReadAPercentTarget() throws Exception {
        ExperimentSpec spec = reader.read(FULL.replace("{labels: {app: checkout, track: canary}, percent: 50}", "{percent: 25}"));

        assertThat(spec.target()).isEqualTo(new ChaosTarget(ChaosTarget.Kind.PERCENT, 25, Map.of()));
    }

    @Test
    void shouldReportEveryProblemAtOnceWithItsPath() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read("""
                name: Bad_Name
                target:
                faults:
                  - latency: {ms: 200}
                  - earthquake: {magnitude: 9}
                  - packetLoss: {percent: 150}
                  - cpu: {percent: 0}
                duration: 10s
                ramp: 30s
                hypothesis:
                  interval: 500ms
                  probes:
                    - {name: errors, metric: error_ratio, max: 0.05}
                    - {name: errors, metric: cpu_cores}
                    - {name: health, url: "ftp://x", expectStatus: 700}
                abort: {afterFailedChecks: 0}
                """));

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactlyInAnyOrder(
                "name: \"Bad_Name\" is not a DNS label (lowercase letters, digits and '-', at most 63)",
                "target: missing target: write canary, {percent: 1..100} or {labels: {key: value}}, or leave the key out for the canary",
                "faults[1]: unknown fault \"earthquake\" (known: latency, packetLoss, blackhole, cpu, memory, podKill, nodeFailure, processKill)",
                "faults[2].packetLoss.percent: 150 is not in 1..100",
                "faults[3].cpu.percent: 0 is not in 1..100",
                "ramp: must be shorter than the duration (10s), got 30s",
                "hypothesis.interval: must be at least 1s, got 500ms",
                "hypothesis.probes[0].metric: \"error_ratio\" is unknown (known: error_rate, latency_p50_ms, latency_p99_ms, "
                        + "cpu_cores, memory_mib, request_rate; or give url for an HTTP probe)",
                "hypothesis.probes[1].name: \"errors\" names another probe already",
                "hypothesis.probes[1]: needs max, min or both",
                "hypothesis.probes[2].url: \"ftp://x\" is not an http(s) URL with a host",
                "hypothesis.probes[2].expectStatus: 700 is not in 100..599",
                "abort.afterFailedChecks: 0 is not in 1..1000");
    }

    @Test
    void shouldRefuseAnEmptyLabelSelectorAsAMissingTarget() {
        assertThatThrownBy(() -> reader.read(FULL.replace("{labels: {app: checkout, track: canary}, percent: 50}", "{labels: {}}")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("target.labels: missing target: expected a map of at least one label, got a map");
    }

    @Test
    void shouldRequireFaultsDurationAndHypothesis() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read("name: nothing-yet\n"));

        assertThat(e.problems()).extracting(SpecProblem::toString)
                .containsExactlyInAnyOrder("faults: required", "duration: required", "hypothesis: required");
    }

    @Test
    void shouldRefuseAHypothesisWithoutProbesAndFaultsWithoutParameters() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read("""
                name: empty
                faults: [latency, {podKill: {count: 1, grace: 3}}]
                duration: 1m
                hypothesis: {probes: []}
                """));

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactlyInAnyOrder(
                "faults[0].latency: needs ms",
                "faults[1].podKill.grace: unknown key (known: count)",
                "hypothesis.probes: needs at least one probe: a hypothesis that checks nothing always holds");
    }

    @Test
    void shouldReportYamlSyntaxErrorsAsOneProblem() {
        assertThatThrownBy(() -> reader.read("name: [unclosed"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("YAML syntax error");
    }

    @Test
    void shouldReadTheBackendAndMetricsSectionsApartFromTheExperiment() throws Exception {
        ExperimentDocument doc = reader.readDocument(FULL + """
                backend:
                  type: Kubernetes
                  namespace: shop
                  serverUrl: https://k8s.example:6443
                  credentialsId: k8s-token
                  caCredentialsId: k8s-ca
                  canaryLabels: {app: checkout, track: canary}
                  appLabels: "app=checkout"
                metrics:
                  prometheus: http://prometheus.monitoring:9090
                  canarySelector: '{app="checkout",track="canary"}'
                  rateWindow: 30s
                """);

        assertThat(doc.experiment()).isEqualTo(reader.read(FULL));
        assertThat(doc.backend()).isEqualTo(new BackendChoice("kubernetes", Map.of("namespace", "shop",
                "serverUrl", "https://k8s.example:6443", "credentialsId", "k8s-token", "caCredentialsId", "k8s-ca",
                "canaryLabels", "app=checkout,track=canary", "appLabels", "app=checkout")));
        assertThat(doc.metrics()).isEqualTo(new ExperimentDocument.MetricsSection(URI.create("http://prometheus.monitoring:9090/"),
                "{app=\"checkout\",track=\"canary\"}", null, Duration.ofSeconds(30)));
        assertThat(reader.readDocument(FULL + "backend: gremlin\n").backend()).isEqualTo(new BackendChoice("gremlin", Map.of()));
        assertThat(reader.readDocument(FULL).backend()).isNull();
    }

    @Test
    void shouldRefuseSecretsUnknownSettingsAndBadSectionsWithoutRepeatingASecret() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read(FULL + """
                backend:
                  type: kubernetes
                  token: eyJhbGciOiJSUzI1NiJ9.s3cr3t
                  teamId: t-1
                  canaryLabels: {track: 7}
                metrics: {prometheus: "ftp://x", canarySelector: 'track="canary"', window: 1m}
                """));

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactlyInAnyOrder(
                "backend.token: secrets never go in the spec: keep it in a Jenkins credential and give its id (credentialsId,"
                        + " caCredentialsId)",
                "backend.teamId: unknown key for the kubernetes backend (known: namespace, kubeContext, serverUrl, credentialsId,"
                        + " caCertificate, caCredentialsId, canaryLabels, appLabels)",
                "backend.canaryLabels.track: expected text (put it in quotes if it is meant as text)",
                "metrics.window: unknown key (known: prometheus, canarySelector, baselineSelector, rateWindow)",
                "metrics.prometheus: \"ftp://x\" is not an http(s) URL with a host",
                "metrics.canarySelector: \"track=\"canary\"\" is not PromQL label matchers in braces, e.g."
                        + " {app=\"checkout\",track=\"canary\"}");
        assertThat(e.getMessage()).doesNotContain("s3cr3t");
        assertThatThrownBy(() -> reader.read(FULL + "backend: {namespace: shop}\n"))
                .hasMessageContaining("backend.type: required (simulator, kubernetes or gremlin)");
        assertThatThrownBy(() -> reader.read(FULL + "backend: chaos-monkey\n"))
                .hasMessageContaining("backend: must be simulator, kubernetes or gremlin, not \"chaos-monkey\"");
    }
}
