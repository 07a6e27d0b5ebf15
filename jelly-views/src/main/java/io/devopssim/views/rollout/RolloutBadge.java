package io.devopssim.views.rollout;

import io.devopssim.core.state.RolloutPhase;
import io.devopssim.views.badge.Badge;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Where an app stands in an environment, as a README badge: {@code checkout production | promoted · score 98}.
 * Promoted is green, rolled back, aborted and failed are red, paused for approval is yellow, anything still
 * moving is blue. The score is the gate's last one, when the rollout had an analysis.
 *
 * @param app         application
 * @param environment where it runs
 * @param phase       the rollout's phase
 * @param score       the gate's last score (0..100), or empty
 */
public record RolloutBadge(String app, String environment, RolloutPhase phase, OptionalDouble score) {
    static final String GREEN = "#4c1";
    static final String RED = "#e05d44";
    static final String YELLOW = "#dfb317";
    static final String BLUE = "#007ec6";
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");

    public RolloutBadge {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(score, "score");
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("a badge needs the app's name");
        }
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("a badge needs the environment's name");
        }
    }

    public Badge badge() {
        String what = switch (phase) {
            case PROMOTED -> "promoted";
            case ROLLED_BACK -> "rolled back";
            case ABORTED -> "aborted";
            case FAILED -> "failed";
            case PAUSED -> "paused";
            default -> "in progress";
        };
        String color = switch (phase) {
            case PROMOTED -> GREEN;
            case ROLLED_BACK, ABORTED, FAILED -> RED;
            case PAUSED -> YELLOW;
            default -> BLUE;
        };
        String message = score.isPresent() ? what + " \u00B7 score " + Math.round(score.getAsDouble()) : what;
        return new Badge(app + " " + environment, message, color);
    }

    /** {@code <app>-<environment>.svg}, lower case, with anything but letters, digits, '.', '_' and '-' made '-'. */
    public String fileName() {
        return safe(app) + "-" + safe(environment) + ".svg";
    }

    private static String safe(String name) {
        String s = UNSAFE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "_" : s;
    }
}
