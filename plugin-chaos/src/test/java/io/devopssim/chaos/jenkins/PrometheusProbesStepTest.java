package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.devopssim.chaos.gremlin.FakeGremlin;
import io.devopssim.chaos.k8s.Cluster;
import io.devopssim.core.testing.PrometheusScrapingFleet;
import io.devopssim.core.testing.ManualScheduler;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Metric probes of the chaosExperiment step on the Kubernetes and Gremlin backends, reading a real Prometheus on
 * 127.0.0.1 that scrapes the simulator's /metrics (a canary failing a fifth of its requests, a healthy baseline).
 * The experiment runs on a simulated clock a few seconds behind real time, so every window a probe asks for has
 * already been scraped: the answers are Prometheus' own, and the test waits only for Prometheus to gather
 * {@link #HISTORY} of data (about 15 s).
 */
@DisplayName("chaosExperiment metric probes against a real Prometheus")
@EnableKubernetesMockClient(crud = true, https = false)
class PrometheusProbesStepTest {
    private static final Duration HISTORY = Duration.ofSeconds(12);
    /** The whole experiment (2 s of faults, 1 s checks, recovery) fits between the history's start and now. */
    private static final Duration LAG = Duration.ofSeconds(7);

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    static Path prometheusDir;
    private static PrometheusScrapingFleet prometheus;

    @TempDir
    Path tmp;

    private SimulatedClock clock;
    private ManualScheduler scheduler;
    private final TestStepContext context = new TestStepContext();
    private TestBuilds builds;

    @BeforeAll
    static void startPrometheus() throws Exception {
        prometheus = PrometheusScrapingFleet.start(prometheusDir, HISTORY);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @BeforeEach
    void lagBehindRealTime() {
        clock = new SimulatedClock(Instant.now().minus(LAG));
        scheduler = new ManualScheduler(clock);
        builds = new TestBuilds(tmp.resolve("build"));
    }

    private static String experiment(String probe, String metrics) {
        return """
                name: under-watch
                faults: [{podKill: {count: 1}}]
                duration: 2s
                hypothesis:
                  interval: 1s
                  recoveryTimeout: 2s
                  probes: [%s]
                metrics: %s
                """.formatted(probe, metrics);
    }

    @Test
    void shouldHoldOnKubernetesWhileTheBaselineThatPrometheusReportsStaysHealthy() throws Exception {
        Cluster cluster = new Cluster(server, client, "prom-k8s").seed();
        KubernetesChaosRuntime runtime = new KubernetesChaosRuntime(scheduler, clock, builds,
                (ctx, id) -> new ChaosCredential.Token("t0ken"), null, (url, timeout) -> 200);
        String spec = experiment("{name: stable-errors, metric: error_rate, max: 0.05, on: baseline}",
                "{baselineSelector: '" + PrometheusScrapingFleet.BASELINE + "', rateWindow: 5s}");
        BackendArguments args = new BackendArguments("kubernetes", "prom-k8s", null, server.url("/").replaceAll("/$", ""), "k8s-token",
                null, "app=checkout,track=canary", null).withPrometheus(prometheus.uri().toString(), null, null);

        new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, spec, "exp-prom-k8s", true, args), runtime).start();
        scheduler.run(100);

        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();
        assertThat(context.outcome.get()).isEqualTo(Map.of("outcome", "COMPLETED", "hypothesisHeld", true, "errorBudgetBurned", 0.0));
        assertThat(client.pods().inNamespace("prom-k8s").withLabels(Cluster.CANARY).list().getItems()).as("a canary pod killed")
                .hasSize(1);
        List<Double> values = values(builds.actions.get(0).getModel().getProbes().get(0));
        assertThat(values).as("every check measured the baseline's error rate").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(v -> assertThat(v).isNotNull().isBetween(0.0, 0.05));
        assertThat(cluster.canaryReplicas()).isEqualTo(2);
    }

    @Test
    void shouldNotStartOnGremlinWhenPrometheusShowsTheCanaryAlreadyFailing() throws Exception {
        try (FakeGremlin gremlin = new FakeGremlin()) {
            GremlinChaosRuntime runtime = new GremlinChaosRuntime(scheduler, clock, builds,
                    (ctx, id) -> new ChaosCredential.Token(FakeGremlin.KEY), gremlin.baseUrl(), (url, timeout) -> 200);
            // no selector: the canary's is made from its labels, {app="shop",track="canary"}
            String spec = experiment("{name: errors, metric: error_rate, max: 0.05}", "{rateWindow: 5s}");
            BackendArguments args = new BackendArguments("gremlin", null, null, null, "gremlin-key", FakeGremlin.TEAM,
                    "app=shop,track=canary", null).withPrometheus(prometheus.uri().toString(), null, null);

            new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, spec, "exp-prom-gremlin", false, args), runtime)
                    .start();
            scheduler.run(100);

            assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();
            assertThat(((Map<?, ?>) context.outcome.get()).get("outcome")).isEqualTo("NOT_STEADY");
            assertThat(gremlin.created()).as("nothing injected into a canary that was failing already").isEmpty();
            List<Double> values = values(builds.actions.get(0).getModel().getProbes().get(0));
            assertThat(values).singleElement().satisfies(v -> assertThat(v).isNotNull().isBetween(0.1, 0.3));
        }
    }

    @Test
    void shouldRefuseAMetricProbeWithoutPrometheusBeforeAnythingStarts() {
        KubernetesChaosRuntime runtime = new KubernetesChaosRuntime(scheduler, clock, builds,
                (ctx, id) -> new ChaosCredential.Token("t0ken"), null, (url, timeout) -> 200);
        String spec = experiment("{name: errors, metric: error_rate, max: 0.05}", "{rateWindow: 5s}");
        BackendArguments args = new BackendArguments("kubernetes", "prom-none", null, "http://127.0.0.1:1", "k8s-token", null,
                "app=checkout,track=canary", null);

        assertThatThrownBy(new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, spec, "exp-none", true, args),
                runtime)::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("spec.hypothesis.probes[0]: a metric probe on the kubernetes backend reads Prometheus: give"
                        + " prometheusUrl (or metrics.prometheus in the spec)");
        assertThat(Files.exists(tmp.resolve("build/devsim-chaos"))).as("nothing started").isFalse();
        assertThat(builds.actions).isEmpty();
    }

    private static List<Double> values(ChaosRunViewModel.ProbeView probe) {
        return probe.getPoints().stream().map(ChaosRunViewModel.PointView::getValue).toList(); // null: nothing measured
    }
}
