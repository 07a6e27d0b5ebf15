package io.devopssim.deploy.jenkins;

import hudson.model.BuildBadgeAction;
import io.devopssim.deploy.view.BadgeView;

/**
 * The build history badge of one rollout: promoted / rolled back / paused, with the score ({@code badge.jelly}).
 * Its text is set by the step at every transition and saved with the build; plain fields for XStream.
 */
public final class RolloutBadgeAction implements BuildBadgeAction {
    private final String step;
    private final String rolloutId;
    private volatile String status;
    private volatile String tone;
    private volatile String text;
    private volatile String tooltip;
    private volatile String symbol;

    RolloutBadgeAction(String step, String rolloutId, BadgeView badge) {
        this.step = step;
        this.rolloutId = rolloutId;
        update(badge);
    }

    void update(BadgeView badge) {
        status = badge.status().name();
        tone = badge.tone();
        text = badge.text();
        tooltip = badge.tooltip();
        symbol = badge.symbol();
    }

    /** The step that ran the rollout: a rollback of a rollout carries the rollout's id too. */
    public String getStep() {
        return step;
    }

    public String getRolloutId() {
        return rolloutId;
    }

    /** The {@link io.devopssim.deploy.view.RolloutStatus} name. */
    public String getStatus() {
        return status;
    }

    public String getTone() {
        return tone;
    }

    public String getText() {
        return text;
    }

    public String getTooltip() {
        return tooltip;
    }

    public String getSymbol() {
        return symbol;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
