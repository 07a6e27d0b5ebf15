package io.devopssim.core.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys and names. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed}, if close enough to be a slip: case ignored, and at most one
     * edit for short words, two for words of five letters or more (a swap of neighbours is one edit).
     * Failing that, a candidate that {@code typed} begins (from four letters on): {@code password} is
     * most likely a {@code passwordEnv} written as the secret itself.
     */
    static Optional<String> closest(String typed, List<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Optional<String> slip = closestSlip(lower, candidates);
        if (slip.isPresent() || lower.length() < 4) {
            return slip;
        }
        return candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)).findFirst();
    }

    private static Optional<String> closestSlip(String lower, List<String> candidates) {
        int allowed = lower.length() >= 5 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
