package io.devopssim.multicloud.jenkins;

import hudson.AbortException;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.deploy.RolloutException;
import io.devopssim.core.time.Scheduler;
import io.devopssim.multicloud.ClusterClients;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.ClusterRun;
import io.devopssim.multicloud.ClusterStatus;
import io.devopssim.multicloud.PlanPhase;
import io.devopssim.multicloud.WaveEngine;
import io.devopssim.multicloud.WaveEvent;
import io.devopssim.multicloud.WaveListener;
import io.devopssim.multicloud.WavePlan;
import io.devopssim.multicloud.WavePlanReader;
import io.devopssim.multicloud.WaveRunState;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asynchronous: {@link #start()} returns at once and the plan's transitions run on the shared scheduler, each one
 * saved by the engine, so no thread waits through a wave and a controller restart resumes in {@link #onResume()}.
 * Only the plan text and ids are serialized with the Pipeline program; never a secret (credentials are resolved
 * again after a restart).
 */
public final class MultiCloudRolloutExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final String LOG_PREFIX = "[multiCloudRollout] ";

    private final MultiCloudRolloutRequest request;
    private String planYaml;
    private String planId;
    private String stateDir;

    private transient WaveRuntime runtime;
    private transient WaveEngine engine;
    private transient ClusterClients clients;
    private transient Scheduler.Cancellable next;
    /** Set by stop(): a transition already queued or running must not schedule another or complete the step. */
    private transient volatile boolean stopped;

    MultiCloudRolloutExecution(StepContext context, MultiCloudRolloutRequest request) {
        super(context);
        this.request = request;
    }

    /** For tests: run against a given runtime instead of the controller's. */
    MultiCloudRolloutExecution(StepContext context, MultiCloudRolloutRequest request, WaveRuntime runtime) {
        this(context, request);
        this.runtime = runtime;
    }

    /** For tests: what a restarted controller's descriptor would provide. */
    void useRuntimeForTest(WaveRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean start() throws Exception {
        BuildAccess.BuildRef build = runtime().builds().build(getContext());
        String text = readPlanText();
        ClusterRegistry registry = registry();
        WavePlan plan = parse(text, registry); // bad input fails here, before any side effect
        planYaml = text;
        planId = request.planId() != null ? request.planId() : defaultId(build, plan);
        stateDir = build.rootDir().resolve(WaveSummaryAction.STATE_FOLDER).toString();
        engine = newEngine(plan, registry);
        try {
            engine.start();
        } catch (RolloutException e) {
            closeClients();
            throw new AbortException("multiCloudRollout: " + e.getMessage());
        }
        runtime().builds().publish(getContext(), new WaveSummaryAction(planId, plan.app() + " " + plan.image().tag(),
                Path.of(stateDir)));
        scheduleNow();
        return false;
    }

    @Override
    public void onResume() {
        try {
            ClusterRegistry registry = registry();
            engine = newEngine(parse(planYaml, registry), registry);
            engine.start(); // loads the saved state; the clusters' rollouts resume on the next transition
            scheduleNow();
        } catch (Exception e) {
            closeClients();
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
            if (engine != null) {
                synchronized (this) {
                    // roll the running wave back now, not later: a stopped build leaves no canary traffic behind
                    engine.abort(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                    WaveRunState s = engine.advance();
                    if (!s.phase().isTerminal()) {
                        log("the rollback of the running wave waits for " + s.waitUntil() + "; it is in the plan's state");
                    }
                }
            }
        } finally {
            closeClients();
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        return planId == null ? "starting" : "plan " + planId;
    }

    private synchronized void tick() {
        if (stopped) {
            return;
        }
        try {
            WaveRunState s = engine.advance();
            if (s.phase().isTerminal()) {
                closeClients();
                finish(s);
            } else if (s.phase() == PlanPhase.PAUSED) {
                // nothing scheduled: the build page's Approve or Abort (WaveApprovalAction) wakes the plan at once
                runtime().pauses().register(Path.of(stateDir), planId, decisions());
                log("wave " + s.waveClusters().get(0).waveName() + " waits for approval: Approve or Abort on the build page");
            } else {
                next = runtime().scheduler().schedule(this::tick, s.waitUntil() == null ? Instant.EPOCH : s.waitUntil());
            }
        } catch (Exception e) {
            closeClients();
            getContext().onFailure(e);
        }
    }

    /** What the build page decides, applied to this step's engine under the same lock as the transitions. */
    private WavePauses.PausedPlan decisions() {
        return new WavePauses.PausedPlan() {
            @Override
            public String approve(String who) throws RolloutException {
                return decide(() -> engine.approve(who));
            }

            @Override
            public String abort(String reason) throws RolloutException {
                return decide(() -> engine.abort(reason)); // the rollback runs on the transition scheduled now
            }
        };
    }

    @FunctionalInterface
    private interface Decision {
        WaveRunState apply() throws RolloutException;
    }

    private synchronized String decide(Decision decision) throws RolloutException {
        if (stopped || engine == null) {
            throw new RolloutException("the step of plan " + planId + " is no longer running");
        }
        WaveRunState s = decision.apply();
        runtime().pauses().unregister(Path.of(stateDir), planId);
        scheduleNow();
        return s.events().isEmpty() ? s.phase().name() : s.events().get(s.events().size() - 1).message();
    }

    private void finish(WaveRunState s) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("phase", s.phase().name());
        result.put("promoted", names(s, ClusterStatus.PROMOTED));
        result.put("skipped", names(s, ClusterStatus.SKIPPED));
        result.put("rolledBack", names(s, ClusterStatus.ROLLED_BACK));
        if (s.phase() == PlanPhase.SUCCEEDED) {
            getContext().onSuccess(result);
        } else if (s.phase() == PlanPhase.ROLLED_BACK && !request.failOnRollback()) {
            log("a wave was rolled back; the build goes on because failOnRollback is false");
            getContext().onSuccess(result);
        } else {
            getContext().onFailure(new AbortException("multiCloudRollout " + s.planId() + " "
                    + s.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + s.outcome()));
        }
    }

    /** A plain ArrayList: what a step returns is kept in the Pipeline program, whose class filter knows it. */
    private static List<String> names(WaveRunState s, ClusterStatus status) {
        return s.clusters().stream().filter(c -> c.status() == status).map(ClusterRun::cluster)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private void scheduleNow() {
        next = runtime().scheduler().schedule(this::tick, Instant.EPOCH);
    }

    private WaveEngine newEngine(WavePlan plan, ClusterRegistry registry) throws Exception {
        GitCredentials git = runtime().credentials().git(plan.gitops().credentials(), getContext());
        clients = runtime().clients(runtime().credentials().clusters(getContext()));
        try {
            return runtime().engine(planId, plan, registry, git, clients, Path.of(stateDir), new WaveListener() {
                @Override
                public void onWaveEvent(WaveRunState state, WaveEvent event) {
                    log("[" + (event.cluster() == null ? "plan" : event.cluster()) + "] " + event.message());
                }

                @Override
                public void onClusterEvent(String wave, String cluster, RolloutEvent event) {
                    log("[" + wave + "/" + cluster + "] " + event.message());
                }
            });
        } catch (IllegalArgumentException e) {
            closeClients();
            throw new AbortException("multiCloudRollout: " + e.getMessage());
        }
    }

    private void closeClients() {
        if (planId != null && stateDir != null && runtime != null) {
            runtime.pauses().unregister(Path.of(stateDir), planId); // the step ends: nothing left to approve here
        }
        ClusterClients c = clients;
        clients = null;
        if (c != null) {
            c.close();
        }
    }

    private void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            listener.getLogger().println(LOG_PREFIX + line);
        } catch (Exception e) {
            // the build log is gone (build finished or deleted); the state file still has the event
        }
    }

    private ClusterRegistry registry() throws Exception {
        try {
            return runtime().registry();
        } catch (InvalidSpecException e) {
            throw new AbortException("multiCloudRollout: the cluster registry in the global configuration is invalid:\n"
                    + e.getMessage());
        }
    }

    private String readPlanText() throws Exception {
        if ((request.plan() == null) == (request.planFile() == null)) {
            throw new AbortException("multiCloudRollout needs exactly one of planFile or plan");
        }
        if (request.plan() != null) {
            return request.plan();
        }
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            throw new AbortException("multiCloudRollout planFile needs a workspace: call it inside node { }");
        }
        FilePath file = workspace.child(request.planFile());
        if (!file.exists()) {
            throw new AbortException("multiCloudRollout: plan file " + request.planFile() + " not found in the workspace");
        }
        return file.readToString();
    }

    private static WavePlan parse(String yaml, ClusterRegistry registry) throws AbortException {
        try {
            return new WavePlanReader().read(yaml, registry);
        } catch (InvalidSpecException e) {
            throw new AbortException("multiCloudRollout: invalid wave plan:\n" + e.getMessage());
        }
    }

    private static String defaultId(BuildAccess.BuildRef build, WavePlan plan) {
        return plan.app() + "-" + plan.image().tag() + "-" + build.externalizableId().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private WaveRuntime runtime() {
        if (runtime == null) {
            runtime = ExtensionList.lookupSingleton(MultiCloudRolloutStep.DescriptorImpl.class).runtime();
        }
        return runtime;
    }
}
