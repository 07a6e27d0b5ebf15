package io.devopssim.mlgate.jenkins;

import hudson.model.BuildBadgeAction;

import java.io.Serializable;

/** The verdict and score next to the build in its job's history ({@code badge.jelly}). */
public final class GateBadgeAction implements BuildBadgeAction, Serializable {
    private static final long serialVersionUID = 1L;

    private final GateSummary summary;

    GateBadgeAction(GateSummary summary) {
        this.summary = summary;
    }

    public GateSummary getSummary() {
        return summary;
    }

    @Override
    public String getIconFileName() {
        return null; // a badge, not a link in the side panel
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
