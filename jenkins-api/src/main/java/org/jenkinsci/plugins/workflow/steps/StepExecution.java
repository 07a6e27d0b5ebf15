package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only copy. The constructors, {@link #getContext()} and the default {@link #stop}, {@link #onResume}
 * and {@link #getStatus} behave as the real ones do, because a binding's unit test runs its execution
 * against a test StepContext through exactly these.
 */
public abstract class StepExecution implements Serializable {

    private StepContext context;

    /** @deprecated the real one exists for Guice injection; pass the context instead. */
    @Deprecated
    protected StepExecution() {
    }

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    @NonNull
    public StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("no StepContext: pass it to the StepExecution constructor");
        }
        return context;
    }

    public abstract boolean start() throws Exception;

    /** Like the real default: fail the step at once. */
    public void stop(Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    public void onResume() {
    }

    @CheckForNull
    public String getStatus() {
        return null;
    }
}
