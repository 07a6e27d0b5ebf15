package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.chaos.ExperimentDocument;
import io.devopssim.chaos.ExperimentReader;
import io.devopssim.chaos.ExperimentSpec;
import io.devopssim.chaos.PrometheusSource;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

class BackendSettingsReaderTest {
    private static final String HTTP_PROBE = "hypothesis: {probes: [{name: health, url: 'http://checkout.shop/healthz', expectStatus: 200}]}";
    private final BackendSettingsReader reader = new BackendSettingsReader();

    private static ExperimentSpec spec(String faults, String target, String hypothesis) throws InvalidSpecException {
        return new ExperimentReader().read("name: e\ntarget: " + target + "\nfaults: " + faults + "\nduration: 1m\n" + hypothesis + "\n");
    }

    private static BackendArguments args(String backend, String namespace, String kubeContext, String serverUrl,
                                         String credentialsId, String teamId, String canary, String app) {
        return new BackendArguments(backend, namespace, kubeContext, serverUrl, credentialsId, teamId, canary, app);
    }

    @Test
    void shouldReadTheSimulatorByDefault() throws Exception {
        assertThat(reader.read(BackendArguments.SIMULATOR, spec("[blackhole]", "canary", HTTP_PROBE)))
                .isEqualTo(new BackendSettings.Simulator());
    }

    @Test
    void shouldReadAKubernetesServerWithATokenCredential() throws Exception {
        BackendSettings s = reader.read(args("Kubernetes", "shop", null, "https://k8s.example:6443", "k8s-token", null,
                "app=checkout, track=canary", "app=checkout"), spec("[{podKill: {count: 1}}]", "canary", HTTP_PROBE));

        assertThat(s).isEqualTo(new BackendSettings.Kubernetes("shop", null, URI.create("https://k8s.example:6443"), "k8s-token",
                Map.of("app", "checkout", "track", "canary"), Map.of("app", "checkout")));
    }

    @Test
    void shouldReadGremlinWithATeamAndLabels() throws Exception {
        BackendSettings s = reader.read(args("gremlin", null, null, null, "gremlin-key", "team-1", null, "app=checkout"),
                spec("[{latency: {ms: 100}}]", "{percent: 50}", HTTP_PROBE));

        assertThat(s).isEqualTo(new BackendSettings.Gremlin("gremlin-key", "team-1", Map.of(), Map.of("app", "checkout")));
    }

    @Test
    void shouldReportEveryProblemAtOnce() throws Exception {
        ExperimentSpec spec = spec("[{latency: {ms: 100}}, nodeFailure]", "canary",
                "hypothesis: {probes: [{name: errors, metric: error_rate, max: 0.05}]}");

        assertThatThrownBy(() -> reader.read(args("kubernetes", "Shop_1", "prod", "ftp://x", null, "t", "app", null), spec))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).extracting(SpecProblem::toString)
                        .containsExactlyInAnyOrder(
                                "teamId: does not apply to the kubernetes backend",
                                "namespace: \"Shop_1\" is not a namespace name (a DNS label)",
                                "serverUrl: give kubeContext or serverUrl, not both",
                                "canaryLabels: \"app\" is not a label key=value",
                                "canaryLabels: a canary target needs the canary's labels, e.g. track=canary",
                                "spec.faults[0]: kubernetes: latency needs an agent on the node and is not supported here (use gremlin)",
                                "spec.hypothesis.probes[0]: a metric probe on the kubernetes backend reads Prometheus: give"
                                        + " prometheusUrl (or metrics.prometheus in the spec), or use an HTTP probe (url, expectStatus)"));
    }

    @Test
    void shouldRefuseArgumentsOfAnotherBackendSoAForgottenBackendIsNoSilentDryRun() throws Exception {
        assertThatThrownBy(() -> reader.read(args(null, "shop", null, null, "k8s-token", null, "track=canary", null),
                spec("[blackhole]", "canary", HTTP_PROBE)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("namespace: does not apply to the simulator backend")
                .hasMessageContaining("credentialsId: does not apply to the simulator backend")
                .hasMessageContaining("canaryLabels: does not apply to the simulator backend");
    }

    @Test
    void shouldRequireWhatEachBackendCannotGoWithout() throws Exception {
        ExperimentSpec podKill = spec("[{podKill: {count: 1}}]", "{percent: 20}", HTTP_PROBE);

        assertThatThrownBy(() -> reader.read(args("kubernetes", null, null, "https://k8s:6443", null, null, null, null), podKill))
                .hasMessageContaining("namespace: the kubernetes backend needs the target's namespace")
                .hasMessageContaining("credentialsId: serverUrl needs the id of a secret text credential holding a token")
                .hasMessageContaining("appLabels: a percentage target needs the app's labels");
        assertThatThrownBy(() -> reader.read(args("kubernetes", "shop", "prod", null, "k8s-token", null, null, "app=x"), podKill))
                .hasMessageContaining("credentialsId: for kubernetes, a credential goes with serverUrl");
        assertThatThrownBy(() -> reader.read(args("gremlin", "shop", null, null, null, null, null, "app=x"),
                spec("[nodeFailure]", "{percent: 20}", HTTP_PROBE)))
                .hasMessageContaining("namespace: does not apply to the gremlin backend")
                .hasMessageContaining("credentialsId: the gremlin backend needs the id of a credential holding the API key")
                .hasMessageContaining("spec.faults[0]: gremlin: nodeFailure is not supported here");
        assertThatThrownBy(() -> reader.read(args("chaos-monkey", null, null, null, null, null, null, null), podKill))
                .hasMessage("backend: must be simulator, kubernetes or gremlin, not \"chaos-monkey\"");
    }

    private static ExperimentDocument document(String sections) throws InvalidSpecException {
        return new ExperimentReader().readDocument("""
                name: e
                faults: [{podKill: {count: 1}}]
                duration: 1m
                hypothesis:
                  probes:
                    - {name: errors, metric: error_rate, max: 0.05}
                    - {name: stable, metric: latency_p99_ms, max: 300, on: baseline}
                """ + sections);
    }

    @Test
    void shouldTakeTheBackendAndPrometheusFromTheSpec() throws Exception {
        ExperimentDocument doc = document("""
                backend:
                  type: kubernetes
                  namespace: shop
                  serverUrl: https://k8s.example:6443
                  credentialsId: k8s-token
                  canaryLabels: {app.kubernetes.io/name: checkout, track: canary}
                metrics:
                  prometheus: http://prometheus.monitoring:9090
                  baselineSelector: '{app="checkout",track="stable"}'
                  rateWindow: 2m
                """);

        BackendSettings s = reader.read(BackendArguments.SIMULATOR, doc);

        assertThat(s).isEqualTo(new BackendSettings.Kubernetes("shop", null, URI.create("https://k8s.example:6443"), "k8s-token",
                null, Map.of("app.kubernetes.io/name", "checkout", "track", "canary"), Map.of(),
                new PrometheusSource(URI.create("http://prometheus.monitoring:9090/"),
                        "{app_kubernetes_io_name=\"checkout\",track=\"canary\"}", "{app=\"checkout\",track=\"stable\"}",
                        Duration.ofMinutes(2))));
    }

    @Test
    void shouldLetTheStepsArgumentsOverrideTheSpec() throws Exception {
        ExperimentDocument doc = document("""
                backend: {type: gremlin, credentialsId: spec-key, teamId: spec-team, canaryLabels: "track=canary"}
                metrics: {prometheus: "http://spec-prometheus:9090/", canarySelector: '{track="canary"}', baselineSelector: '{track="stable"}'}
                """);

        BackendSettings s = reader.read(new BackendArguments(null, null, null, null, "step-key", null, null, null)
                .withPrometheus("http://step-prometheus:9090", null, null), doc);

        assertThat(s).isEqualTo(new BackendSettings.Gremlin("step-key", "spec-team", Map.of("track", "canary"), Map.of(),
                new PrometheusSource(URI.create("http://step-prometheus:9090/"), "{track=\"canary\"}", "{track=\"stable\"}",
                        PrometheusSource.DEFAULT_RATE_WINDOW)));
    }

    @Test
    void shouldNameTheSpecsSettingsInProblemsAndSayWhenTheStepChoseAnotherBackend() throws Exception {
        ExperimentDocument doc = document("""
                backend: {type: kubernetes, namespace: shop, canaryLabels: "track=canary"}
                """);

        assertThatThrownBy(() -> reader.read(new BackendArguments("gremlin", null, null, null, "key", "team", null, null), doc))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).extracting(SpecProblem::toString)
                        .contains("spec.backend.namespace: does not apply to the gremlin backend (the step's backend argument"
                                + " chose gremlin over the spec's kubernetes)"));
    }

    @Test
    void shouldRequireWhatMetricProbesReadBeforeAnythingStarts() throws Exception {
        ExperimentDocument noSelectors = document("metrics: {prometheus: 'http://prometheus:9090'}\n");

        assertThatThrownBy(() -> reader.read(new BackendArguments("kubernetes", "shop", null, null, null, null, null, "app=checkout"),
                noSelectors))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).extracting(SpecProblem::toString)
                        .contains("canaryLabels: a canary target needs the canary's labels, e.g. track=canary")
                        .contains("canarySelector: a metric probe reads the canary: give canarySelector (PromQL label matchers,"
                                + " e.g. {app=\"checkout\",track=\"canary\"}) or canaryLabels")
                        .contains("baselineSelector: a metric probe reads the baseline (on: baseline): give baselineSelector"
                                + " (PromQL label matchers, e.g. {app=\"checkout\",track=\"stable\"})"));
        assertThatThrownBy(() -> reader.read(new BackendArguments("gremlin", null, null, null, "key", "team", "track=canary", null)
                .withPrometheus("prometheus:9090", "app=checkout", "{}"), document("")))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).extracting(SpecProblem::toString)
                        .containsExactlyInAnyOrder(
                                "prometheusUrl: \"prometheus:9090\" is not an http(s) URL with a host",
                                "canarySelector: \"app=checkout\" is not PromQL label matchers in braces, e.g. {app=\"checkout\",track=\"canary\"}",
                                "baselineSelector: {} selects every series: name the version's labels, e.g. {app=\"checkout\",track=\"canary\"}"));
    }

    @Test
    void shouldRefuseAPrometheusOnTheSimulatorWhoseProbesReadTheFleet() throws Exception {
        assertThatThrownBy(() -> reader.read(BackendArguments.SIMULATOR.withPrometheus("http://prometheus:9090", null, null),
                spec("[blackhole]", "canary", HTTP_PROBE)))
                .hasMessage("prometheusUrl: does not apply to the simulator backend: its probes read the simulated fleet's metrics");
    }
}
