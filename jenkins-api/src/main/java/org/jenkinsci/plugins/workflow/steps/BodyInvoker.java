package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-only declaration: the return type of the abstract {@link StepContext#newBodyInvoker()}, which a
 * test StepContext must implement. No member is captured, so it cannot be instantiated here.
 */
public abstract class BodyInvoker {

    private BodyInvoker() {
    }
}
