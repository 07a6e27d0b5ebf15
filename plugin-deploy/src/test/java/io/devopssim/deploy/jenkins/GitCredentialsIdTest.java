package io.devopssim.deploy.jenkins;

import io.devopssim.jenkinsapi.testing.SecretLeaks;
import hudson.AbortException;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The environment repository's login from a Jenkins username-with-password credential ({@code credentialsId}), for the
 * rollout steps (the spec's {@code gitops.credentials.credentialsId}) and for promoteRelease / rollbackRelease (the
 * argument), against a real Git server over HTTP that requires it; the password never leaves the session.
 */
class GitCredentialsIdTest {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String VALUES = "image:\n  repository: ghcr.io/acme/checkout\n  tag: \"1.4.2\"   # stable\n";
    private static final String TRAFFIC = "canary:\n  weight: 0\n";
    private static final AtomicInteger REPOS = new AtomicInteger();
    private static GitHttpTestServer git;

    @TempDir
    Path tmp;

    private TestRuntime runtime;
    private TestStepContext context;
    private String repo;
    private String repoUrl;

    @BeforeAll
    static void startGit() throws Exception {
        git = new GitHttpTestServer("deployer", PASSWORD);
    }

    @AfterAll
    static void stopGit() {
        git.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        repo = "env-" + REPOS.incrementAndGet();
        repoUrl = git.createRepository(repo, Map.of("apps/checkout/values.yaml", VALUES));
        runtime = new TestRuntime(tmp);
        runtime.credentials.put("git-login", new DeploySecret.UsernamePassword("deployer", PASSWORD));
        runtime.credentials.put("a-token", new DeploySecret.Token(PASSWORD));
        context = new TestStepContext();
    }

    private CanaryRolloutExecution canary(String credentialsId) {
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec(CanaryFixtures.spec(repoUrl, "1.5.0", "0.0").replace("  helm: image.tag",
                "  helm: image.tag\n  credentials: {credentialsId: " + credentialsId + "}"));
        return new CanaryRolloutExecution(context, step.request(), runtime);
    }

    @Test
    @DisplayName("canaryRollout pushes with the credential the spec names; its password is nowhere but the session")
    void shouldRollOutWithTheCredentialTheSpecNames() throws Exception {
        CanaryRolloutExecution execution = canary("git-login");

        execution.start();
        byte[] serialized = StepSerialization.serialize(execution, context);
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(runtime.lastCredentials.username()).isEqualTo("deployer");
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).contains("tag: \"1.5.0\"");
        assertThat(steps()).containsExactly("promote");
        SecretLeaks.assertNotInLog(PASSWORD, context);
        SecretLeaks.assertNotInFiles(PASSWORD, runtime.build.rootDir());
        SecretLeaks.assertNotInSerializedExecution(PASSWORD, serialized);
    }

    @Test
    @DisplayName("a credential of another kind, or none by that id, is refused before any push, naming the id only")
    void shouldRefuseAnUnusableCredentialBeforeAnyPush() throws Exception {
        long pushes = git.pushCount(); // the server is shared by this class' tests
        Throwable wrongKind = catchThrowable(canary("a-token")::start);
        Throwable missing = catchThrowable(canary("nobody")::start);

        assertThat(wrongKind).isInstanceOf(AbortException.class)
                .hasMessage("canaryRollout: credentialsId a-token must be a username with password (the Git user and its password or token)");
        assertThat(missing).isInstanceOf(AbortException.class).hasMessage("canaryRollout: no credential nobody for this build");
        SecretLeaks.assertNotInException(PASSWORD, wrongKind);
        assertThat(git.pushCount()).isEqualTo(pushes);
        assertThat(runtime.build.actions).isEmpty();
    }

    @Test
    @DisplayName("promoteRelease and rollbackRelease take credentialsId as an argument")
    void shouldPromoteAndRollBackWithTheCredential() throws Exception {
        PromoteReleaseStep promote = new PromoteReleaseStep();
        promote.setRepo(repoUrl);
        promote.setFile("apps/checkout/values.yaml");
        promote.setHelm("image.tag");
        promote.setValue("1.5.0");
        promote.setRolloutId("checkout-release-7");
        promote.setCredentialsId("git-login");
        PromoteReleaseExecution promotion = (PromoteReleaseExecution) promote.start(context);
        promotion.useRuntimeForTest(runtime);

        promotion.start();
        byte[] serialized = StepSerialization.serialize(promotion, context);
        runtime.scheduler.run(10);

        assertThat(context.outcome.get()).asString().hasSize(40);
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).contains("tag: \"1.5.0\"");
        SecretLeaks.assertNotInSerializedExecution(PASSWORD, serialized);

        TestStepContext next = new TestStepContext();
        RollbackReleaseStep rollback = new RollbackReleaseStep();
        rollback.setRolloutId("checkout-release-7");
        rollback.setRepo(repoUrl);
        rollback.setCredentialsId("git-login");
        RollbackReleaseExecution revert = (RollbackReleaseExecution) rollback.start(next);
        revert.useRuntimeForTest(runtime);
        revert.start();
        runtime.scheduler.run(10);

        assertThat(next.outcome.get()).isNotNull();
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES);
        assertThat(steps()).containsExactly("promote", "revert-promotion");
        for (TestStepContext c : List.of(context, next)) {
            SecretLeaks.assertNotInLog(PASSWORD, c);
        }
        SecretLeaks.assertNotInFiles(PASSWORD, runtime.build.rootDir());
    }


    /** Canary over the GitOps router on its own repository, whose login is {@code traffic.credentials.credentialsId}. */
    private CanaryRolloutExecution gitOpsCanary(String routesUrl, String credentialsId) {
        context.env().put("GIT_USER", "deployer");
        context.env().put("GIT_TOKEN", PASSWORD);
        CanaryRolloutStep step = new CanaryRolloutStep();
        step.setSpec("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 20
                  - setWeight: 50
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                  credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}
                traffic:
                  router: gitops
                  repo: %s
                  file: apps/checkout/traffic.yaml
                  helm: canary.weight
                  credentials: {credentialsId: %s}
                """.formatted(repoUrl, routesUrl, credentialsId));
        return new CanaryRolloutExecution(context, step.request(), runtime);
    }

    @Test
    @DisplayName("the GitOps router's own repository login (traffic.credentials.credentialsId) is a Jenkins credential too")
    void shouldMoveTrafficWithTheRoutersOwnCredential() throws Exception {
        String routes = "routes-" + REPOS.incrementAndGet();
        String routesUrl = git.createRepository(routes, Map.of("apps/checkout/traffic.yaml", TRAFFIC));
        CanaryRolloutExecution execution = gitOpsCanary(routesUrl, "git-login");

        execution.start();
        byte[] serialized = StepSerialization.serialize(execution, context);
        runtime.scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo("PROMOTED");
        assertThat(steps(routes)).as("every weight a commit to the router's repository, pushed with its login")
                .containsExactly("traffic-step-1", "traffic-step-2", "traffic-promote");
        assertThat(steps()).containsExactly("promote");
        SecretLeaks.assertNotInLog(PASSWORD, context);
        SecretLeaks.assertNotInFiles(PASSWORD, runtime.build.rootDir());
        SecretLeaks.assertNotInSerializedExecution(PASSWORD, serialized);
    }

    @Test
    @DisplayName("a router credential that is wrong, of another kind or missing fails before any push, naming the id only")
    void shouldRefuseAnUnusableRouterCredentialBeforeAnyPush() throws Exception {
        String routes = "routes-" + REPOS.incrementAndGet();
        String routesUrl = git.createRepository(routes, Map.of("apps/checkout/traffic.yaml", TRAFFIC));
        long pushes = git.pushCount(); // the server is shared by this class' tests
        runtime.credentials.put("stale-login", new DeploySecret.UsernamePassword("deployer", "not-" + PASSWORD));

        Throwable stale = catchThrowable(gitOpsCanary(routesUrl, "stale-login")::start);
        Throwable wrongKind = catchThrowable(gitOpsCanary(routesUrl, "a-token")::start);
        Throwable missing = catchThrowable(gitOpsCanary(routesUrl, "nobody")::start);

        assertThat(stale).isInstanceOf(AbortException.class).hasMessageStartingWith("canaryRollout: traffic router gitops cannot be used");
        assertThat(wrongKind).isInstanceOf(AbortException.class)
                .hasMessage("canaryRollout: credentialsId a-token must be a username with password (the Git user and its password or token)");
        assertThat(missing).isInstanceOf(AbortException.class).hasMessage("canaryRollout: no credential nobody for this build");
        for (Throwable t : List.of(stale, wrongKind)) {
            SecretLeaks.assertNotInException(PASSWORD, t);
        }
        assertThat(git.pushCount()).isEqualTo(pushes);
        assertThat(steps(routes)).isEmpty();
        assertThat(runtime.build.actions).isEmpty();
    }

    /** The Step trailers of the environment repository's commits, oldest first. */
    private List<String> steps() throws Exception {
        return steps(repo);
    }

    /** The Step trailers of a repository's commits, oldest first. */
    private List<String> steps(String name) throws Exception {
        List<String> steps = new ArrayList<>();
        for (RevCommit c : git.history(name, "main")) {
            c.getFooterLines().stream().filter(f -> f.getKey().equals("Step")).map(FooterLine::getValue).findFirst()
                    .ifPresent(s -> steps.add(0, s));
        }
        return steps;
    }
}
