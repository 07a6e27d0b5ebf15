package io.devopssim.deploy.jenkins;

import io.devopssim.jenkinsapi.testing.SecretLeaks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.argocd.FakeArgoCdServer;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout step whose spec has an {@code argocd:} section waits, after its promotion commit, for the Application to
 * be Synced and Healthy at it, through Argo CD's REST API (a fake validated against its OpenAPI definition) with the
 * token of a Jenkins credential ({@code argoCdCredentialsId}); the test plays Argo CD's controller.
 */
class ArgoCdRolloutStepTest {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.rollout-step-argocd.s1gnature";
    private static final String OLD = "1111111111111111111111111111111111111111";

    @TempDir
    Path tmp;

    private EnvRepoFixture env;
    private TestRuntime runtime;
    private TestStepContext context;

    @BeforeEach
    void setUp() throws Exception {
        env = new EnvRepoFixture(tmp.resolve("repo"));
        runtime = new TestRuntime(tmp);
        runtime.credentials.put("argocd-api", new DeploySecret.Token(TOKEN));
        context = new TestStepContext();
    }

    @Test
    @DisplayName("the promotion waits for Argo CD at its commit, the token from a credential; every exchange valid, the token kept nowhere")
    void shouldWaitForArgoCdAfterThePromotionWithTheCredentialsToken() throws Exception {
        ObjectNode app = (ObjectNode) new ObjectMapper().readTree("""
                {"metadata": {"name": "checkout-prod", "namespace": "argocd", "resourceVersion": "41"},
                 "spec": {"project": "default",
                          "source": {"repoURL": "https://git.example/env.git", "path": "prod/checkout", "targetRevision": "main"},
                          "destination": {"server": "https://kubernetes.default.svc", "namespace": "payments"}},
                 "status": {"sync": {"status": "Synced", "revision": "%s"}, "health": {"status": "Healthy"}}}
                """.formatted(OLD));
        try (FakeArgoCdServer argo = new FakeArgoCdServer(FakeArgoCdServer.argoCdValidator(), TOKEN, app)) {
            CanaryRolloutStep step = new CanaryRolloutStep();
            step.setSpec(CanaryFixtures.spec(env.url(), "1.5.0", "0.0") + """
                    argocd: {application: checkout-prod, via: rest, server: "%s", tokenEnv: ARGOCD_TOKEN, requestSync: false}
                    """.formatted(argo.uri()));
            step.setArgoCdCredentialsId("argocd-api");
            CanaryRolloutExecution execution = new CanaryRolloutExecution(context, step.request(), runtime);

            execution.start();
            byte[] serialized = StepSerialization.serialize(execution, context);
            String applied = OLD;
            for (int i = 0; i < 200 && !context.outcome.isDone(); i++) {
                runtime.scheduler.run(1);
                String head = head();
                if (env.trailers().size() > 1 && !head.equals(applied)) { // the controller applies what Git holds
                    ObjectNode status = argo.app().putObject("status");
                    status.putObject("sync").put("status", "Synced").put("revision", head);
                    status.putObject("health").put("status", "Healthy");
                    applied = head;
                }
            }

            assertThat(context.outcome.get()).isEqualTo("PROMOTED");
            assertThat(applied).as("Argo CD was waited for at the promotion commit").isEqualTo(head());
            assertThat(argo.requests()).anyMatch(r -> r.startsWith("GET /api/v1/applications/checkout-prod"));
            assertThat(argo.validationErrors()).isEmpty();
            SecretLeaks.assertNotInLog("s1gnature", context);
            SecretLeaks.assertNotInFiles("s1gnature", runtime.build.rootDir());
            SecretLeaks.assertNotInSerializedExecution("s1gnature", serialized);
            assertThat(runtime.sessions).allSatisfy(s -> assertThat(s.isClosed()).isTrue());
        }
    }

    private String head() throws Exception {
        try (Git git = Git.open(env.bare.toFile())) {
            return git.getRepository().resolve("refs/heads/main").name();
        }
    }
}
