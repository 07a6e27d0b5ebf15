package io.devopssim.deploy.view;

/**
 * What a build badge shows for one rollout.
 *
 * @param status  where it stands
 * @param text    short, e.g. {@code promoted 97.5} or {@code paused}
 * @param tooltip one line, e.g. {@code canaryRollout checkout-1.5.0-build_7: promoted, score 97.5}
 * @param symbol  one character for the badge ({@code ✔}, {@code ↩}, {@code ⏸}, ...)
 */
public record BadgeView(RolloutStatus status, String text, String tooltip, String symbol) {

    /** The CSS modifier for the status' tone: {@code success}, {@code warning}, {@code danger}, {@code neutral}. */
    public String tone() {
        return status.tone().name().toLowerCase(java.util.Locale.ROOT);
    }
}
