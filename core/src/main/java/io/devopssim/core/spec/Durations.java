package io.devopssim.core.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in rollout specs: {@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms},
 * combined as in Go and Argo Rollouts ({@code 1m30s}), or ISO-8601 ({@code PT30S}). A bare number is
 * not a duration: seconds or milliseconds would be a guess.
 */
public final class Durations {
    public static final String EXAMPLES = "30s, 2m, 1h, 500ms or PT30S";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /** The duration, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P")) {
            try {
                return Optional.of(Duration.parse(trimmed));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(trimmed);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
            }
            return Optional.of(total);
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty(); // too large to be meant
        }
    }

    /** The short form: {@code 1h30m}, {@code 45s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        appendPart(out, rest.toHours(), "h");
        appendPart(out, rest.toMinutesPart(), "m");
        appendPart(out, rest.toSecondsPart(), "s");
        appendPart(out, rest.toMillisPart(), "ms");
        return out.length() == (duration.isNegative() ? 1 : 0) ? duration.toString() : out.toString();
    }

    private static void appendPart(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }
}
