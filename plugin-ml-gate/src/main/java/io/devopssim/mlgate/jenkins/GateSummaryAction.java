package io.devopssim.mlgate.jenkins;

import hudson.model.Run;
import jenkins.model.RunAction2;

import java.io.Serializable;

/** The gate's verdict, numbers and reasons on the build's page ({@code summary.jelly}). */
public final class GateSummaryAction implements RunAction2, Serializable {
    private static final long serialVersionUID = 1L;

    private final GateSummary summary;
    private transient Run<?, ?> run;

    GateSummaryAction(GateSummary summary) {
        this.summary = summary;
    }

    public GateSummary getSummary() {
        return summary;
    }

    /** The build it belongs to, once attached or loaded (null before). */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return null; // shown on the build page by summary.jelly, no page of its own
    }

    @Override
    public String getDisplayName() {
        return summary.getTitle();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
