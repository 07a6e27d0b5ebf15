package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.mlgate.SpecJudges;
import io.devopssim.mlgate.prometheus.PromQlTemplates;
import io.devopssim.mlgate.prometheus.PrometheusMetricsProvider;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Asynchronous: {@link #start()} validates the arguments (failing before any request), hands the query to
 * the descriptor's pool and returns, so no Pipeline thread waits on Prometheus. {@link #stop} cancels the
 * query. The query is one-shot and idempotent, so a controller restart simply fails the step rather than
 * judging a window that is no longer "the last {@code window}".
 */
public final class DeploymentGateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final String LOG_PREFIX = "[deploymentGate] ";
    /** Per request; a slower Prometheus is unavailable data, so INCONCLUSIVE. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final GateRequest request;
    private transient ExecutorService pool;
    private transient Clock clock;
    private transient volatile Future<?> running;

    DeploymentGateExecution(StepContext context, GateRequest request) {
        super(context);
        this.request = request;
    }

    /** For tests: a given pool and clock instead of the controller's. */
    DeploymentGateExecution(StepContext context, GateRequest request, ExecutorService pool, Clock clock) {
        this(context, request);
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public boolean start() throws Exception {
        GateRequest.Validated gate = request.validate(); // bad arguments fail here, before any request
        MetricsProvider metrics = new PrometheusMetricsProvider(gate.prometheus(),
                PromQlTemplates.devsim(Duration.ofMinutes(1)), gate.canarySelector(), gate.baselineSelector(),
                REQUEST_TIMEOUT);
        Instant end = (clock == null ? Clock.systemUTC() : clock).instant();
        Instant start = end.minus(gate.window());
        log("judging " + gate.canarySelector() + " against " + gate.baselineSelector() + " over the last "
                + request.window() + " with " + gate.analysis().judge().yamlName() + " at " + gate.prometheus());
        running = pool().submit(() -> run(gate, metrics, start, end));
        return false;
    }

    private void run(GateRequest.Validated gate, MetricsProvider metrics, Instant start, Instant end) {
        try {
            Judgement j = new AnalysisRunner(metrics, SpecJudges.forSpec(gate.analysis())).analyse(gate.analysis(), start, end);
            if (Thread.currentThread().isInterrupted()) {
                return; // stopped: stop() has already completed the step
            }
            logJudgement(j);
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

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> f = running;
        if (f != null) {
            f.cancel(true);
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

    private ExecutorService pool() {
        if (pool == null) {
            pool = ExtensionList.lookupSingleton(DeploymentGateStep.DescriptorImpl.class).pool();
        }
        return pool;
    }
}
