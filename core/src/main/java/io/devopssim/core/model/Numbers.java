package io.devopssim.core.model;

import java.util.Locale;

/** How numbers appear in logs, reasons and reports: four significant digits, n/a for missing. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4g", v);
    }
}
