package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.mlgate.SpecJudge;
import io.devopssim.mlgate.SpecJudges;
import io.devopssim.mlgate.gate.ModelException;
import io.devopssim.core.metrics.prometheus.PromQlTemplates;
import io.devopssim.core.metrics.prometheus.PrometheusMetricsProvider;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asynchronous: {@link #start()} validates the arguments and loads the model, if the judge has one (failing
 * before any request), hands the query to the descriptor's pool and returns, so no Pipeline thread waits on
 * Prometheus. {@link #stop} cancels the query. The query is one-shot and idempotent, so a controller restart
 * simply fails the step rather than judging a window that is no longer "the last {@code window}". The verdict
 * goes on the build as a badge ({@link GateBadgeAction}) and a summary with the reasons ({@link GateSummaryAction}).
 */
public final class DeploymentGateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final String LOG_PREFIX = "[deploymentGate] ";
    /** Per request; a slower Prometheus is unavailable data, so INCONCLUSIVE. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final GateRequest request;
    private transient ExecutorService pool;
    private transient Clock clock;
    private transient BuildAccess build;
    private transient volatile Future<?> running;
    /** The judge of the query, with its model's native memory. */
    private transient volatile SpecJudge judge;
    /** Whoever takes it first owns the judge: the query (which closes it when done) or stop(). */
    private transient AtomicBoolean claimed;

    DeploymentGateExecution(StepContext context, GateRequest request) {
        super(context);
        this.request = request;
    }

    /** For tests: a given pool, clock and build instead of the controller's. */
    DeploymentGateExecution(StepContext context, GateRequest request, ExecutorService pool, Clock clock, BuildAccess build) {
        this(context, request);
        this.pool = pool;
        this.clock = clock;
        this.build = build;
    }

    /** For tests: a given pool and clock, no build to decorate. */
    DeploymentGateExecution(StepContext context, GateRequest request, ExecutorService pool, Clock clock) {
        this(context, request, pool, clock, null);
    }

    @Override
    public boolean start() throws Exception {
        GateRequest.Validated gate = request.validate(); // bad arguments fail here, before any request
        MetricsProvider metrics = new PrometheusMetricsProvider(gate.prometheus(),
                PromQlTemplates.devsim(Duration.ofMinutes(1)), gate.canarySelector(), gate.baselineSelector(),
                REQUEST_TIMEOUT);
        SpecJudge opened = openJudge(gate);
        Instant end = (clock == null ? Clock.systemUTC() : clock).instant();
        Instant start = end.minus(gate.window());
        log("judging " + gate.canarySelector() + " against " + gate.baselineSelector() + " over the last "
                + request.window() + " with " + opened.description() + " at " + gate.prometheus());
        judge = opened;
        claimed = new AtomicBoolean();
        running = pool().submit(() -> run(gate, opened, metrics, start, end));
        return false;
    }

    /** The judge, with its model loaded now: an unusable model fails the step before any query. */
    private SpecJudge openJudge(GateRequest.Validated gate) throws Exception {
        if (!gate.analysis().usesModel()) {
            return SpecJudges.forSpec(gate.analysis());
        }
        Path base = Path.of(gate.analysis().model()).isAbsolute() ? Path.of("") : build().localDirectory(".");
        try {
            return SpecJudges.forSpec(gate.analysis(), base);
        } catch (ModelException e) {
            throw new AbortException("deploymentGate: " + e.getMessage());
        }
    }

    private void run(GateRequest.Validated gate, SpecJudge judge, MetricsProvider metrics, Instant start, Instant end) {
        if (!claimed.compareAndSet(false, true)) {
            return; // stopped before it began; stop() closed the judge
        }
        try (judge) {
            Judgement j = new AnalysisRunner(metrics, judge).analyse(gate.analysis(), start, end);
            if (Thread.currentThread().isInterrupted()) {
                return; // stopped: stop() has already completed the step
            }
            logJudgement(j);
            decorate(GateSummary.of(j, judge.description(), request.window(), gate.canarySelector(), gate.baselineSelector()));
            if (gate.fails(j.verdict())) {
                getContext().onFailure(new AbortException("deploymentGate: " + j.verdict() + " (failOn " + gate.failOn()
                        + "): " + String.join("; ", j.reasons())));
            } else {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("verdict", j.verdict().name());
                result.put("score", j.score());
                result.put("reasons", j.reasons());
                getContext().onSuccess(result);
            }
        } catch (RuntimeException e) {
            getContext().onFailure(e);
        }
    }

    /** The badge and the summary; a build that cannot take them still gets the step's outcome. */
    private void decorate(GateSummary summary) {
        try {
            build().addAction(new GateBadgeAction(summary));
            build().addAction(new GateSummaryAction(summary));
        } catch (Exception e) {
            log("could not add the verdict to the build page: " + e.getMessage());
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> f = running;
        if (f != null) {
            f.cancel(true);
        }
        AtomicBoolean c = claimed;
        SpecJudge j = judge;
        if (c != null && j != null && c.compareAndSet(false, true)) {
            j.close(); // the query never began: its judge (and model) is this method's to close
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException("deploymentGate: the controller restarted during the query; run the gate again"));
    }

    @Override
    public String getStatus() {
        return running == null ? "validating" : "querying " + request.prometheusUrl();
    }

    private void logJudgement(Judgement j) {
        log("verdict " + j.verdict() + ", score " + String.format(Locale.ROOT, "%.1f", j.score()));
        for (MetricResult m : j.metrics()) {
            log(String.format(Locale.ROOT, "  %s: canary %.6g, baseline %.6g, %d samples, %s -> %s",
                    m.metric(), m.canary(), m.baseline(), m.samples(), m.criterion(), m.status()));
        }
        for (String reason : j.reasons()) {
            log("  reason: " + reason);
        }
    }

    private void log(String line) {
        try {
            getContext().get(TaskListener.class).getLogger().println(LOG_PREFIX + line);
        } catch (Exception e) {
            // the build log is gone (build finished or deleted); the outcome still reaches the step
        }
    }

    private BuildAccess build() {
        if (build == null) {
            build = BuildAccess.of(getContext());
        }
        return build;
    }

    private ExecutorService pool() {
        if (pool == null) {
            pool = ExtensionList.lookupSingleton(DeploymentGateStep.DescriptorImpl.class).pool();
        }
        return pool;
    }
}
