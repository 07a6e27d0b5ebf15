package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.history.ReleaseHistory;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.spec.Strategy;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutEngines;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.runtime.RuntimeSetupException;
import io.devopssim.deploy.view.RolloutSubject;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A rollout step (canary, blue-green and hybrid, rolling update): reads and validates the spec before any
 * side effect, drives the strategy's {@link RolloutEngine} one transition at a time, shows the rollout on the build page
 * (summary, badge, approval while paused) and logs each event once. Only the spec text, ids and how many
 * events were logged are serialized; the engine saves its own state after every transition.
 */
abstract class RolloutStepExecution extends DeployStepExecution {
    private static final long serialVersionUID = 1L;
    static final String STATE_DIR = "devsim-rollouts";
    /** While paused, the saved state is read this often too, so an approval by {@code devsim approve} is seen. */
    static final Duration PAUSED_RECHECK = Duration.ofSeconds(15);

    private final RolloutRequest request;
    private String specYaml;
    private String rolloutId;
    private String stateDir;
    private String specDir;
    /** The release history the finished rollout is appended to (a path on the controller). */
    private String historyFile;
    private RolloutPresenter presenter;

    private transient RolloutSpec spec;
    private transient RolloutEngine driver;
    /** What the running rollout holds open; closed when it ends or the step stops. */
    private transient RolloutSession session;

    RolloutStepExecution(StepContext context, RolloutRequest request, RolloutRuntime runtime) {
        super(context, runtime);
        this.request = request;
    }

    /** The strategies this step runs; a spec of another is refused before anything happens. */
    abstract Set<Strategy> strategies();

    /**
     * Opens the rollout's session (where its spec says it runs, every secret resolved, the router's objects read
     * once) and the strategy's engine over it; a spec that cannot run here fails before any side effect.
     */
    private RolloutEngine driver(RolloutSpec spec, String rolloutId, GitCredentials credentials, Path stateDir)
            throws Exception {
        closeSession(); // a resume after a failed one
        EnvVars env = getContext().get(EnvVars.class);
        Function<String, String> secrets = StepSecrets.variables(spec, request.clusterCredentialsId(),
                request.argoCdCredentialsId(), name -> env == null ? null : env.get(name), this::credential, stepName());
        GitCredentials trafficGit = trafficCredentials(spec);
        try {
            // events are logged from the saved state, which also holds decisions made outside the engine
            session = runtime().open(new RolloutSetup(rolloutId, spec, credentials, secrets, stateDir,
                    specDir == null ? null : Path.of(specDir), request.prometheus(stepName()), request.canarySelector(),
                    request.baselineSelector(), history(),
                    RolloutListener.NONE, warning -> log("warning: " + warning), trafficGit));
        } catch (RuntimeSetupException | IllegalArgumentException e) {
            throw new AbortException(stepName() + ": " + e.getMessage());
        }
        return RolloutEngines.create(session.context());
    }

    /** Problems of a valid spec that this step cannot run (another strategy), or an empty list. */
    private List<String> unsupported(RolloutSpec spec) {
        if (strategies().contains(spec.strategy())) {
            return List.of();
        }
        String step = switch (spec.strategy()) {
            case CANARY -> "canaryRollout";
            case BLUE_GREEN, HYBRID -> "blueGreenRollout";
            case ROLLING -> "rollingUpdate";
        };
        return List.of("strategy " + spec.strategy().yamlName() + " is run by " + step + ", not " + stepName());
    }

    @Override
    final void begin() throws Exception {
        BuildRef build = runtime().build(getContext());
        String text = readSpecText(build);
        RolloutSpec parsed = parse(text); // bad input fails here, before any side effect
        request.checkSelectors(stepName());
        List<String> problems = unsupported(parsed);
        if (!problems.isEmpty()) {
            throw new AbortException(stepName() + ": " + String.join("; ", problems));
        }
        GitCredentials credentials = credentials(parsed);
        specYaml = text;
        spec = parsed;
        rolloutId = RolloutIds.check(request.rolloutId() != null ? request.rolloutId() : defaultId(build, parsed),
                stepName(), "rolloutId");
        stateDir = build.rootDir().resolve(STATE_DIR).toString();
        Path dir = request.specFile() == null ? null : build.localSpecDir(request.specFile());
        specDir = dir == null ? null : dir.toString();
        historyFile = HistoryFiles.resolve(request.historyFile(), build, Path.of(stateDir), stepName()).toString();
        driver = driver(parsed, rolloutId, credentials, Path.of(stateDir));
        RolloutState s;
        try {
            s = driver.start();
        } catch (RolloutException e) {
            closeSession();
            throw new AbortException(stepName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeSession();
            throw e;
        }
        presenter = new RolloutPresenter(STATE_DIR, new RolloutSubject(stepName(), rolloutId,
                parsed.app() + " " + parsed.image().tag(), parsed.gitops().repoUrl()));
        showOnBuildPage(build);
        observe(s);
        scheduleNow();
    }

    @Override
    final void resume() throws Exception {
        spec = parse(specYaml);
        driver = driver(spec, rolloutId, credentials(spec), Path.of(stateDir));
        RolloutState s;
        try {
            s = driver.start(); // loads the saved state and puts the router back where it was
        } catch (Exception | Error e) {
            closeSession();
            throw e;
        }
        showOnBuildPage(runtime().build(getContext())); // the build may have been saved before its actions were
        observe(s);
        scheduleNow();
    }

    @Override
    final Instant advance() throws Exception {
        RolloutState s;
        try {
            s = driver.advance();
        } catch (Exception | Error e) {
            closeSession(); // the step fails with it: nothing of this rollout stays open
            throw e;
        }
        observe(s);
        if (s.phase().isTerminal()) {
            runtime().wakeups().unregister(Path.of(stateDir), rolloutId);
            closeSession(); // after the last advance: the release history was appended through the session's metrics
            finish(s);
            return null;
        }
        if (s.phase() == RolloutPhase.PAUSED) {
            runtime().wakeups().register(Path.of(stateDir), rolloutId, this::scheduleNow);
            return runtime().clock().now().plus(PAUSED_RECHECK);
        }
        return s.waitUntil() == null ? Instant.EPOCH : s.waitUntil();
    }

    @Override
    final void halt(Throwable cause) throws Exception {
        if (stateDir != null) {
            runtime().wakeups().unregister(Path.of(stateDir), rolloutId);
        }
        try {
            if (driver != null && session != null) { // null: the rollout ended, or never started
                // roll back now, not later: a stopped build must not leave traffic on the canary
                driver.abort(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                observe(driver.advance());
            }
        } finally {
            closeSession(); // the models and cluster connections of this rollout, whatever the abort did
        }
    }

    /** Where the finished rollout goes; a step serialized before there was a history file appends nowhere. */
    private ReleaseHistory history() {
        return historyFile == null ? ReleaseHistory.NONE : new JsonLinesHistory(Path.of(historyFile));
    }

    /** Closes what the rollout's session holds (models, cluster clients); safe to repeat. */
    private void closeSession() {
        RolloutSession open = session;
        session = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public String getStatus() {
        return rolloutId == null ? "starting" : "rollout " + rolloutId;
    }

    private void finish(RolloutState s) {
        if (s.phase() == RolloutPhase.PROMOTED) {
            succeed(s.phase().name());
        } else if (s.phase() == RolloutPhase.ROLLED_BACK && !request.failOnRollback()) {
            log("rolled back; the build goes on because failOnRollback is false");
            succeed(s.phase().name());
        } else {
            fail(new AbortException(stepName() + " " + s.rolloutId() + " "
                    + s.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + s.outcome()));
        }
    }

    /** The rollout's entry and badge, and Approve/Abort when the spec pauses until approved; changes nothing twice. */
    private void showOnBuildPage(BuildRef build) {
        presenter.show(build);
        if (waitsForApproval(spec)) {
            build.action(RolloutApprovalAction.class, RolloutApprovalAction::new);
        }
    }

    /** A {@code pause: {}} step, or a blue-green cut-over without auto-promotion. */
    static boolean waitsForApproval(RolloutSpec spec) {
        return spec.steps().stream().anyMatch(st -> st instanceof StepSpec.Pause p && p.untilApproved())
                || spec.strategy().cutsOver() && spec.blueGreen() != null && !spec.blueGreen().autoPromotionEnabled();
    }

    /** Logs the events not logged yet (including approvals saved from outside) and updates the badge. */
    private void observe(RolloutState s) throws Exception {
        for (RolloutEvent e : presenter.observe(s, runtime().build(getContext()), this::log)) {
            if (e.kind() == RolloutEvent.Kind.PAUSE_STARTED && s.phase() == RolloutPhase.PAUSED) {
                log("approve or abort it on the build page, or with devsim approve|abort " + rolloutId);
            }
        }
    }

    private GitCredentials credentials(RolloutSpec s) throws Exception {
        return gitCredentials(s.gitops().credentials());
    }

    /**
     * The GitOps router's own Jenkins credential ({@code traffic.credentials.credentialsId}), looked up as
     * {@code gitops.credentials}' is, at each start and resume; null when the router has none (its variables are
     * read from the build's environment by the runtime, like every other secret the spec names).
     */
    private GitCredentials trafficCredentials(RolloutSpec s) throws Exception {
        if (s.runtime().traffic() instanceof TrafficSpec.GitOps g && g.credentials().credentialsId() != null
                && !g.credentials().equals(s.gitops().credentials())) {
            return gitCredentials(g.credentials());
        }
        return null;
    }

    private String readSpecText(BuildRef build) throws Exception {
        if ((request.spec() == null) == (request.specFile() == null)) {
            throw new AbortException(stepName() + " needs exactly one of specFile or spec");
        }
        return request.spec() != null ? request.spec() : build.readWorkspaceFile(request.specFile(), stepName());
    }

    private RolloutSpec parse(String yaml) throws AbortException {
        try {
            return new RolloutSpecReader().read(yaml);
        } catch (InvalidSpecException e) {
            throw new AbortException(stepName() + ": invalid rollout spec:\n" + e.getMessage());
        }
    }

    private static String defaultId(BuildRef build, RolloutSpec spec) {
        return spec.app() + "-" + spec.image().tag() + "-" + RolloutIds.fromBuild(build);
    }
}
