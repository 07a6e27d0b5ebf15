package io.devopssim.core.hpi;

/**
 * Orders Jenkins plugin versions such as {@code 710.v3e456cc85233} or {@code 2.479.3} far enough to check a
 * minimum. Leading numeric parts are compared as numbers; where two versions agree on those and then differ in
 * a non-numeric part (two incremental builds of the same release number, {@code 706.vabc} and {@code 706.vdef}),
 * they cannot be ordered, and only equality counts as "at least".
 */
final class PluginVersions {

    private PluginVersions() {
    }

    static boolean isAtLeast(String actual, String minimum) {
        String[] a = actual.split("[.-]");
        String[] m = minimum.split("[.-]");
        for (int i = 0; i < Math.max(a.length, m.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < m.length ? m[i] : "0";
            boolean numeric = x.matches("\\d+") && y.matches("\\d+");
            if (numeric) {
                int order = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
                if (order != 0) {
                    return order > 0;
                }
            } else if (!x.equals(y)) {
                return actual.equals(minimum);
            }
        }
        return true;
    }
}
