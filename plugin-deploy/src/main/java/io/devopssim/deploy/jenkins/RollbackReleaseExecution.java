package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.release.ReleaseRollback;
import io.devopssim.deploy.release.RollbackOrder;
import io.devopssim.deploy.view.RolloutSubject;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;

/**
 * {@code rollbackRelease}: reverts, newest first, the commits a rollout made to the environment repository
 * ({@link ReleaseRollback}), as revert commits Argo CD syncs. Arguments are checked in {@link #begin()}; the
 * history is read and the reverts made on the scheduler, and a rollout that committed nothing fails the
 * step before any commit. A resumed step goes on from the history. Returns the revert commits' ids.
 */
public final class RollbackReleaseExecution extends DeployStepExecution {
    private static final long serialVersionUID = 1L;
    static final String STATE_DIR = "devsim-rollbacks";

    private final RollbackRequest request;
    private String specYaml;
    private String reason;
    private String stateDir;
    private RolloutPresenter presenter;

    RollbackReleaseExecution(StepContext context, RollbackRequest request, RolloutRuntime runtime) {
        super(context, runtime);
        this.request = request;
    }

    @Override
    String stepName() {
        return "rollbackRelease";
    }

    @Override
    void begin() throws Exception {
        BuildRef build = runtime().build(getContext());
        if (request.rolloutId() == null) {
            throw new AbortException(stepName() + ": rolloutId is required (the rollout whose commits are reverted)");
        }
        RolloutIds.check(request.rolloutId(), stepName(), "rolloutId");
        if (request.specFile() != null && request.hasInlineTarget()) {
            throw new AbortException(stepName() + ": give specFile, or repo and branch; not both");
        }
        String yaml = request.specFile() == null ? null : build.readWorkspaceFile(request.specFile(), stepName());
        GitOpsSpec repo = repository(yaml);
        credentials(repo);
        if (request.reason() != null && (request.reason().contains("\n") || request.reason().contains("\r"))) {
            throw new AbortException(stepName() + ": reason must be one line");
        }
        specYaml = yaml;
        reason = request.reason() != null ? request.reason() : "rolled back by " + build.externalizableId();
        stateDir = build.rootDir().resolve(STATE_DIR).toString();
        presenter = new RolloutPresenter(STATE_DIR, new RolloutSubject(stepName(), request.rolloutId(),
                "rollback of " + request.rolloutId(), repo.repoUrl()));
        scheduleNow();
    }

    @Override
    void resume() {
        scheduleNow(); // the history says what is reverted already
    }

    @Override
    Instant advance() throws Exception {
        GitOpsSpec repo = repository(specYaml);
        ReleaseRollback rollback = new ReleaseRollback(runtime().promoter(), runtime().promoter()::log,
                new FileStateStore(Path.of(stateDir)), runtime().clock());
        RolloutState s;
        try {
            s = rollback.rollBack(new RollbackOrder(request.rolloutId(), repo.repoUrl(), repo.branch(), reason), credentials(repo));
        } catch (RolloutException e) {
            fail(new AbortException(stepName() + ": " + e.getMessage()));
            return null;
        }
        BuildRef build = runtime().build(getContext());
        presenter.show(build);
        presenter.observe(s, build, this::log);
        if (s.phase() == RolloutPhase.ROLLED_BACK) {
            ArrayList<String> reverts = new ArrayList<>();
            for (RolloutEvent e : s.events()) {
                if (e.kind() == RolloutEvent.Kind.ROLLED_BACK && e.commitId() != null) {
                    reverts.add(e.commitId());
                }
            }
            succeed(reverts);
        } else {
            fail(new AbortException(stepName() + " " + request.rolloutId() + " failed: " + s.outcome()));
        }
        return null;
    }

    @Override
    void halt(Throwable cause) throws Exception {
        // each revert is a whole commit; a stop waits for one being pushed. What is left is left to a new run.
        if (stateDir != null) {
            var saved = new FileStateStore(Path.of(stateDir)).load(request.rolloutId());
            log(saved.isEmpty() ? "stopped before any revert was pushed"
                    : "stopped; " + saved.get().events().get(saved.get().events().size() - 1).message());
        }
    }

    @Override
    public String getStatus() {
        return "rollback of " + request.rolloutId();
    }

    private GitCredentials credentials(GitOpsSpec g) throws Exception {
        return gitCredentials(g.credentials());
    }

    private GitOpsSpec repository(String yaml) throws AbortException {
        if (yaml != null) {
            try {
                return new RolloutSpecReader().read(yaml).gitops();
            } catch (InvalidSpecException e) {
                throw new AbortException(stepName() + ": invalid rollout spec in " + request.specFile() + ":\n" + e.getMessage());
            }
        }
        return GitOpsArguments.repository(stepName(), request.repo(), request.branch(), request.usernameEnv(),
                request.passwordEnv(), request.credentialsId());
    }
}
