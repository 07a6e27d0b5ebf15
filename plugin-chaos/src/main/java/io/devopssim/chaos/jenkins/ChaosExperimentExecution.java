package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.Scheduler;
import hudson.AbortException;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.devopssim.chaos.ChaosException;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.ExperimentDocument;
import io.devopssim.chaos.ExperimentEvent;
import io.devopssim.chaos.ExperimentReader;
import io.devopssim.chaos.ExperimentSpec;
import io.devopssim.chaos.ExperimentState;
import io.devopssim.chaos.k8s.KubernetesBackend;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.spec.InvalidSpecException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asynchronous: {@link #start()} returns at once and the experiment's transitions run on the shared scheduler,
 * each one saved by the runner, so no thread waits and a controller restart resumes in {@link #onResume()}.
 * Only the spec text, the arguments (ids and names, never a secret), and how many events were logged are
 * serialized with the Pipeline program; credentials are looked up again on resume.
 */
public final class ChaosExperimentExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final String LOG_PREFIX = "[chaosExperiment] ";

    private final ChaosExperimentRequest request;
    private String specYaml;
    private String experimentId;
    private String stateDir;
    /** Events already in the build log, so a resumed experiment does not print them twice. */
    private int loggedEvents;

    private transient ChaosRuntime runtime;
    private transient ExperimentSpec spec;
    private transient BackendSettings settings;
    private transient ChaosRunner runner;
    private transient Scheduler.Cancellable next;
    /** Set by stop(): a transition already queued or running must not schedule another or complete the step. */
    private transient volatile boolean stopped;

    ChaosExperimentExecution(StepContext context, ChaosExperimentRequest request) {
        super(context);
        this.request = request;
    }

    /** For tests: run against a given runtime instead of the controller's. */
    ChaosExperimentExecution(StepContext context, ChaosExperimentRequest request, ChaosRuntime runtime) {
        this(context, request);
        this.runtime = runtime;
    }

    /** For tests: what a restarted controller's descriptor would provide. */
    void useRuntimeForTest(ChaosRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean start() throws Exception {
        String text = readSpecText();
        ExperimentDocument doc = parse(text); // bad input fails here and below, before any state or fault
        ExperimentSpec parsed = doc.experiment();
        BackendSettings checked = settings(doc);
        ChaosRuntime rt = runtime(checked);
        BuildAccess.BuildRef build = rt.builds().build(getContext());
        String id = request.experimentId() != null ? request.experimentId() : defaultId(build, parsed);
        if (checked.kind() == BackendSettings.Kind.KUBERNETES && KubernetesBackend.idRefusal(id).isPresent()) {
            throw new AbortException("chaosExperiment: " + KubernetesBackend.idRefusal(id).get());
        }
        Path dir = build.rootDir().resolve(ChaosRunAction.STATE_FOLDER);
        ChaosRunner r = rt.runner(new ChaosRuntime.RunnerRequest(id, parsed, dir, checked, getContext()));
        specYaml = text;
        spec = parsed;
        settings = checked;
        experimentId = id;
        stateDir = dir.toString();
        runner = r;
        ExperimentState first = startRunner();
        rt.builds().publish(getContext(), new ChaosRunAction(experimentId, spec.name(), first.backend(), dir));
        scheduleNow();
        return false;
    }

    @Override
    public void onResume() {
        try {
            ExperimentDocument doc = parse(specYaml);
            spec = doc.experiment();
            settings = settings(doc);
            Path dir = Path.of(stateDir);
            runner = runtime(settings).runner(new ChaosRuntime.RunnerRequest(experimentId, spec, dir, settings, getContext()));
            ExperimentState s = startRunner(); // loads the saved state; injects nothing twice
            runtime(settings).builds().publish(getContext(), new ChaosRunAction(experimentId, spec.name(), s.backend(), dir));
            scheduleNow();
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopped = true;
        Scheduler.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
        try {
            if (runner != null) {
                // halt now, not at the next check: a stopped build must not leave a fault in force
                synchronized (this) {
                    if (next != null) {
                        next.cancel(); // a transition that ran meanwhile may have scheduled another
                    }
                    logNewEvents(runner.stop(experimentId, cause.getMessage() == null ? cause.toString() : cause.getMessage()));
                    runtime(settings).release(experimentId);
                }
            }
        } finally {
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        return experimentId == null ? "starting" : "experiment " + experimentId;
    }

    private ExperimentState startRunner() throws AbortException {
        try {
            ExperimentState s = runner.start(experimentId, spec);
            logNewEvents(s);
            return s;
        } catch (ChaosException e) {
            throw new AbortException("chaosExperiment: " + e.getMessage());
        }
    }

    private synchronized void tick() {
        if (stopped) {
            return;
        }
        try {
            ExperimentState s = runner.advance(experimentId, spec);
            logNewEvents(s);
            if (s.isDone()) {
                runtime(settings).release(experimentId);
                finish(runner.result(experimentId));
            } else {
                next = runtime(settings).scheduler().schedule(this::tick, s.waitUntil() == null ? Instant.EPOCH : s.waitUntil());
            }
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    private void finish(ChaosResult r) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", r.outcome().name());
        result.put("hypothesisHeld", r.hypothesisHeld());
        result.put("errorBudgetBurned", r.errorBudgetBurned());
        if (r.outcome() == ChaosResult.Outcome.FAILED) {
            getContext().onFailure(new AbortException("chaosExperiment " + experimentId + " failed: the backend could not run the faults"));
        } else if (r.hypothesisHeld()) {
            getContext().onSuccess(result);
        } else if (!request.failOnBrokenHypothesis()) {
            log("hypothesis broken; the build goes on because failOnBrokenHypothesis is false");
            getContext().onSuccess(result);
        } else {
            getContext().onFailure(new AbortException("chaosExperiment " + experimentId + ": the steady-state hypothesis broke ("
                    + r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", error budget burned "
                    + r.errorBudgetBurned() + ")"));
        }
    }

    private void scheduleNow() {
        next = runtime(settings).scheduler().schedule(this::tick, Instant.EPOCH);
    }

    private void logNewEvents(ExperimentState s) {
        List<ExperimentEvent> events = s.events();
        for (int i = loggedEvents; i < events.size(); i++) {
            log(events.get(i).message());
        }
        loggedEvents = Math.max(loggedEvents, events.size());
    }

    private void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            listener.getLogger().println(LOG_PREFIX + line);
        } catch (Exception e) {
            // the build log is gone (build finished or deleted); the state file still has the event
        }
    }

    private String readSpecText() throws Exception {
        if ((request.spec() == null) == (request.specFile() == null)) {
            throw new AbortException("chaosExperiment needs exactly one of specFile or spec");
        }
        if (request.spec() != null) {
            return request.spec();
        }
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            throw new AbortException("chaosExperiment specFile needs a workspace: call it inside node { }");
        }
        FilePath file = workspace.child(request.specFile());
        if (!file.exists()) {
            throw new AbortException("chaosExperiment: spec file " + request.specFile() + " not found in the workspace");
        }
        return file.readToString();
    }

    private static ExperimentDocument parse(String yaml) throws AbortException {
        try {
            return new ExperimentReader().readDocument(yaml);
        } catch (InvalidSpecException e) {
            throw new AbortException("chaosExperiment: invalid experiment spec:\n" + e.getMessage());
        }
    }

    private BackendSettings settings(ExperimentDocument parsed) throws AbortException {
        try {
            return new BackendSettingsReader().read(request.backend(), parsed);
        } catch (InvalidSpecException e) {
            throw new AbortException("chaosExperiment: invalid backend arguments:\n" + e.getMessage());
        }
    }

    /** The spec's name and the build, in the letters every backend takes (a Kubernetes object name's). */
    private static String defaultId(BuildAccess.BuildRef build, ExperimentSpec spec) {
        String id = (spec.name() + "-" + build.externalizableId()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        return id.length() <= 200 ? id : id.substring(id.length() - 200).replaceAll("^[^a-z0-9]+", "");
    }

    private ChaosRuntime runtime(BackendSettings s) {
        if (runtime == null) {
            runtime = ExtensionList.lookupSingleton(ChaosExperimentStep.DescriptorImpl.class).runtime(s.kind());
        }
        return runtime;
    }
}
