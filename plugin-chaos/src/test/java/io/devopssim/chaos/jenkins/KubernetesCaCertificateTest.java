package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.devopssim.chaos.ExperimentReader;
import io.devopssim.chaos.k8s.Cluster;
import io.devopssim.core.testing.ManualScheduler;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes backend's CA: given as PEM or in a credential, it reaches fabric8's {@code Config.caCertData}, and
 * the client then trusts a real TLS API server whose self-signed certificate the JVM does not trust: fabric8's mock
 * API server in CRUD mode over https, with the certificate Vert.x made for it.
 */
@DisplayName("Kubernetes API server CA certificate")
class KubernetesCaCertificateTest {
    private static final String SPEC = KubernetesChaosStepTest.POD_KILL;

    private static KubernetesMockServer server;
    private static KubernetesClient client;
    private static String caPem;

    @TempDir
    Path tmp;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final TestStepContext context = new TestStepContext();

    @BeforeAll
    static void startTlsServer() throws Exception {
        MockWebServer web = new MockWebServer();
        server = new KubernetesMockServer(new Context(), web, new HashMap<>(), new KubernetesCrudDispatcher(List.of()), true);
        server.init();
        client = server.createClient();
        caPem = Files.readString(Path.of(web.getSelfSignedCertificate().certificatePath()), StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    private KubernetesChaosRuntime runtime(Map<String, ChaosCredential> credentials) {
        return new KubernetesChaosRuntime(scheduler, clock, new TestBuilds(tmp.resolve("build")), (ctx, id) -> {
            ChaosCredential c = credentials.get(id);
            if (c == null) {
                throw new AbortException("chaosExperiment: no credential " + id + " for this build");
            }
            return c;
        }, null, (url, timeout) -> 200);
    }

    private BackendArguments args(String namespace) {
        return new BackendArguments("kubernetes", namespace, null, server.url("/").replaceAll("/$", ""), "k8s-token", null,
                "app=checkout,track=canary", null);
    }

    private BackendSettings.Kubernetes settings(BackendArguments args) throws Exception {
        return (BackendSettings.Kubernetes) new BackendSettingsReader().read(args, new ExperimentReader().read(SPEC));
    }

    @Test
    void shouldHandTheCaToFabric8AsCaCertDataFromPemOrASecretFile() throws Exception {
        KubernetesChaosRuntime runtime = runtime(Map.of("k8s-token", new ChaosCredential.Token("t0ken"),
                "k8s-ca", new ChaosCredential.FileContent("ca.crt", caPem)));
        String expected = Base64.getEncoder().encodeToString(caPem.strip().getBytes(StandardCharsets.US_ASCII));

        Config fromPem = runtime.config(settings(args("shop").withCa(caPem, null)), request());
        Config fromFile = runtime.config(settings(args("shop").withCa(null, "k8s-ca")), request());
        Config without = runtime.config(settings(args("shop")), request());

        assertThat(fromPem.getCaCertData()).isEqualTo(expected);
        assertThat(fromFile.getCaCertData()).isEqualTo(expected);
        assertThat(without.getCaCertData()).isNull();
        assertThat(fromPem.getOauthToken()).isEqualTo("t0ken");
    }

    @Test
    void shouldRunAgainstATlsApiServerThatOnlyTheGivenCaVouchesFor() throws Exception {
        new Cluster(server, client, "tls").seed();
        KubernetesChaosRuntime runtime = runtime(Map.of("k8s-token", new ChaosCredential.Token("t0ken")));

        new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, SPEC, "exp-tls", true, args("tls").withCa(caPem, null)),
                runtime).start();
        scheduler.run(1000);

        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();
        assertThat(((Map<?, ?>) context.outcome.get()).get("outcome")).isEqualTo("COMPLETED");
        assertThat(client.pods().inNamespace("tls").withLabels(Cluster.CANARY).list().getItems()).as("one canary pod killed over TLS")
                .hasSize(1);
    }

    @Test
    void shouldNotReachTheTlsApiServerWithoutTheCa() throws Exception {
        new Cluster(server, client, "no-ca").seed();
        TestStepContext plain = new TestStepContext();
        ChaosExperimentExecution execution = new ChaosExperimentExecution(plain,
                new ChaosExperimentRequest(null, SPEC, "exp-no-ca", true, args("no-ca")),
                runtime(Map.of("k8s-token", new ChaosCredential.Token("t0ken"))));

        execution.start();
        scheduler.run(2); // the check before, then the injection, which cannot reach the server
        // a halt it cannot confirm is retried at every interval until someone stops the build: stop it here; the
        // stop's own halt fails the same way, for the reason this test is about
        assertThatThrownBy(() -> execution.stop(new InterruptedException("aborted by user")))
                .rootCause().hasMessageContaining("unable to find valid certification path to requested target");

        assertThat(plain.log()).contains("kubernetes could not inject");
        assertThatThrownBy(() -> plain.outcome.get()).cause().isInstanceOf(InterruptedException.class);
        assertThat(client.pods().inNamespace("no-ca").withLabels(Cluster.CANARY).list().getItems()).as("nothing killed").hasSize(2);
        assertThat(server.getRequestCount()).isPositive();
    }

    @Test
    void shouldRefuseABadCaBeforeAnythingStarts() throws Exception {
        assertThatThrownBy(() -> settings(args("shop").withCa("-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----", null)))
                .hasMessage("caCertificate: is not a readable X.509 certificate in PEM");
        assertThatThrownBy(() -> settings(args("shop").withCa(caPem + "\n-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----",
                null))).hasMessage("caCertificate: holds a private key: give only the CA's certificate (-----BEGIN CERTIFICATE-----)")
                .message().doesNotContain("c2VjcmV0");
        assertThatThrownBy(() -> settings(args("shop").withCa(caPem, "k8s-ca")))
                .hasMessage("caCredentialsId: give caCertificate or caCredentialsId, not both");
        assertThatThrownBy(() -> settings(new BackendArguments("kubernetes", "shop", "prod", null, null, null, "track=canary", null)
                .withCa(caPem, null))).hasMessage("caCertificate: a CA goes with serverUrl (a kubeconfig context names its own)");
        KubernetesChaosRuntime runtime = runtime(Map.of("k8s-token", new ChaosCredential.Token("t0ken"),
                "login", new ChaosCredential.UsernamePassword("u", "p4ss"), "junk", new ChaosCredential.Token("p4ss")));
        assertThatThrownBy(() -> runtime.config(settings(args("shop").withCa(null, "login")), request()))
                .hasMessage("chaosExperiment: credential login must be a secret file or secret text holding the CA's PEM");
        assertThatThrownBy(() -> runtime.config(settings(args("shop").withCa(null, "junk")), request()))
                .hasMessage("chaosExperiment: credential junk is not a PEM certificate (-----BEGIN CERTIFICATE----- ..."
                        + " -----END CERTIFICATE-----)");
    }

    private ChaosRuntime.RunnerRequest request() throws Exception {
        return new ChaosRuntime.RunnerRequest("exp-1", new ExperimentReader().read(SPEC), tmp, null, context);
    }

}
