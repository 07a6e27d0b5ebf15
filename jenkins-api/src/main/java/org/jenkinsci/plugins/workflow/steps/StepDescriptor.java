package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Compile-only copy of the members a step's descriptor implements or overrides. */
public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    /** Like the real one: a step takes no block unless its descriptor says so. */
    public boolean takesImplicitBlockArgument() {
        return false;
    }
}
