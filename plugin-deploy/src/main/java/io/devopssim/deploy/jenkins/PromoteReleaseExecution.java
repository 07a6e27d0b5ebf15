package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.release.PromotionOrder;
import io.devopssim.deploy.release.ReleasePromotion;
import io.devopssim.deploy.view.RolloutSubject;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code promoteRelease}: one commit of one value to one environment, through {@link ReleasePromotion}. The
 * arguments are checked in {@link #begin()}, before anything is read or written; the commit is made on the
 * scheduler. A resumed step finds the commit by its trailers instead of making another; returns its id.
 */
public final class PromoteReleaseExecution extends DeployStepExecution {
    private static final long serialVersionUID = 1L;
    static final String STATE_DIR = "devsim-promotions";

    private final PromoteRequest request;
    /** The rollout spec read from specFile at start, so a resume does not depend on the workspace. */
    private String specYaml;
    private String rolloutId;
    private String stateDir;
    private RolloutPresenter presenter;

    PromoteReleaseExecution(StepContext context, PromoteRequest request, RolloutRuntime runtime) {
        super(context, runtime);
        this.request = request;
    }

    @Override
    String stepName() {
        return "promoteRelease";
    }

    @Override
    void begin() throws Exception {
        BuildRef build = runtime().build(getContext());
        if (request.specFile() != null && request.hasInlineTarget()) {
            throw new AbortException(stepName() + ": give specFile, or repo, file and where the value is; not both");
        }
        String yaml = request.specFile() == null ? null : build.readWorkspaceFile(request.specFile(), stepName());
        Target t = target(yaml);
        credentials(t.gitops); // missing variables fail here, before anything is read or written
        specYaml = yaml;
        rolloutId = RolloutIds.check(request.rolloutId() != null ? request.rolloutId()
                : RolloutIds.fromBuild(build) + "-promote-" + t.order("x").digestPrefix(), stepName(), "rolloutId");
        stateDir = build.rootDir().resolve(STATE_DIR).toString();
        presenter = new RolloutPresenter(STATE_DIR, new RolloutSubject(stepName(), rolloutId, t.title, t.gitops.repoUrl()));
        presenter.show(build);
        scheduleNow();
    }

    @Override
    void resume() throws Exception {
        presenter.show(runtime().build(getContext())); // the build may have been saved before its actions were
        scheduleNow(); // the promotion is idempotent: a commit already made is found by its trailers
    }

    @Override
    Instant advance() throws Exception {
        Target t = target(specYaml);
        ReleasePromotion promotion = new ReleasePromotion(runtime().promoter(), new FileStateStore(Path.of(stateDir)),
                runtime().clock());
        RolloutState s = promotion.promote(t.order(rolloutId), credentials(t.gitops));
        presenter.observe(s, runtime().build(getContext()), this::log);
        if (s.phase() == RolloutPhase.PROMOTED) {
            List<RolloutEvent> events = s.events();
            succeed(events.get(events.size() - 1).commitId());
        } else {
            fail(new AbortException(stepName() + " " + rolloutId + " failed: " + s.outcome()));
        }
        return null;
    }

    @Override
    void halt(Throwable cause) throws Exception {
        // a commit is made whole or not at all; a stop waits for one being pushed, then says which it was
        if (stateDir != null) {
            var saved = new FileStateStore(Path.of(stateDir)).load(rolloutId);
            log(saved.filter(s -> s.phase() == RolloutPhase.PROMOTED).isPresent()
                    ? "stopped after the promotion commit was pushed: " + saved.get().events().get(saved.get().events().size() - 1).message()
                    : "stopped before any commit was pushed");
        }
    }

    @Override
    public String getStatus() {
        return rolloutId == null ? "starting" : "promotion " + rolloutId;
    }

    private GitCredentials credentials(GitOpsSpec g) throws Exception {
        return gitCredentials(g.credentials());
    }

    /** The target and value, from the spec file's text or from the arguments; every problem reported before anything runs. */
    private Target target(String yaml) throws AbortException {
        if (yaml != null) {
            RolloutSpec spec;
            try {
                spec = new RolloutSpecReader().read(yaml);
            } catch (InvalidSpecException e) {
                throw new AbortException(stepName() + ": invalid rollout spec in " + request.specFile() + ":\n" + e.getMessage());
            }
            GitOpsSpec g = spec.gitops();
            // as a canary's promotion writes it: the whole image at a YAML path, the tag for Helm and Kustomize
            String value = request.value() != null ? request.value()
                    : g.value() instanceof ValueLocator.YamlPath ? spec.image().toString() : spec.image().tag();
            return new Target(g, value(value), spec.app() + " " + value);
        }
        GitOpsSpec g = GitOpsArguments.read(stepName(), request.repo(), request.branch(), request.file(), request.yaml(),
                request.helm(), request.kustomizeImage(), request.usernameEnv(), request.passwordEnv(),
                request.credentialsId());
        String value = value(request.value());
        return new Target(g, value, g.file() + " = " + value);
    }

    private String value(String v) throws AbortException {
        if (v == null) {
            throw new AbortException(stepName() + ": value is required (the version to commit)");
        }
        if (v.isBlank() || v.contains("\n") || v.contains("\r")) {
            throw new AbortException(stepName() + ": value must be one line of text");
        }
        return v;
    }

    private record Target(GitOpsSpec gitops, String value, String title) {
        PromotionOrder order(String id) {
            return new PromotionOrder(id, gitops, value);
        }
    }
}
