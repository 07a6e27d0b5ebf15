package org.jenkinsci.plugins.workflow.steps;

import hudson.model.AbstractDescribableImpl;

/** Compile-only copy of the Pipeline step base class (the real one also implements ExtensionPoint). */
public abstract class Step extends AbstractDescribableImpl<Step> {

    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
