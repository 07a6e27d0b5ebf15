package io.devopssim.jenkinsapi.testing;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Shared by the plugins' step tests (jenkins-api's test-jar). A step context as Pipeline gives one: context objects by type, and the step's outcome, which may be
 * given once only.
 */
public final class TestStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    private final transient Map<Class<?>, Object> objects = new HashMap<>();
    private final transient ByteArrayOutputStream log = new ByteArrayOutputStream();
    public final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private transient int completions;

    public TestStepContext() {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        objects.put(TaskListener.class, (TaskListener) () -> out);
        objects.put(EnvVars.class, new EnvVars() { });
    }

    public EnvVars env() {
        return (EnvVars) objects.get(EnvVars.class);
    }

    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    public int completions() {
        return completions;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(objects.get(key));
    }

    @Override
    public synchronized void onSuccess(Object result) {
        completions++;
        outcome.complete(result);
    }

    @Override
    public synchronized void onFailure(Throwable t) {
        completions++;
        outcome.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        throw new UnsupportedOperationException("steps of this suite report through onSuccess/onFailure");
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("the steps of this suite take no body");
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
