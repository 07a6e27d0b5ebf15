package io.devopssim.views.badge;

/** Advance widths of Verdana at 11 px, for ASCII and the middle dot; other characters count as a digit's width. */
final class VerdanaWidths {
    /** From ' ' (32) to '~' (126): Verdana's advance widths (units per em 2048) scaled to 11 px. */
    private static final double[] ASCII = {
        3.87, 4.33, 5.05, 9.0, 7.0, 11.84, 7.99, 2.95, 4.99, 4.99, 7.0, 9.0, 4.0, 4.99, 4.0, 4.99,
        7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.99, 4.99, 9.0, 9.0, 9.0, 6.0,
        11.0, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.62, 5.0, 7.62, 6.12, 9.27, 8.23, 8.66,
        6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.0, 7.0,
        7.0, 6.61, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.79, 6.51, 3.02, 10.69, 6.96, 6.68,
        6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.98, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.0
    };
    private static final double OTHER = 7.0;
    private static final char MIDDLE_DOT = '\u00B7';

    private VerdanaWidths() {
    }

    static double of(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            w += c >= 32 && c <= 126 ? ASCII[c - 32] : c == MIDDLE_DOT ? 4.0 : OTHER;
        }
        return Math.round(w * 10) / 10.0;
    }
}
