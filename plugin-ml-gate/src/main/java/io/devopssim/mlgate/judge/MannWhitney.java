package io.devopssim.mlgate.judge;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum) of canary against baseline, with the normal approximation
 * and the tie correction, plus the Hodges-Lehmann estimate of the shift and its confidence interval.
 * Kayenta asks R's {@code wilcox.test(conf.int = TRUE)} for the same three numbers; the interval here is
 * the classic one from order statistics of the pairwise differences (Hollander and Wolfe), which matches
 * R's exact interval without ties and stays close with them.
 */
public final class MannWhitney {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitney() {
    }

    /**
     * @param canary     finite values, at least one
     * @param baseline   finite values, at least one
     * @param confidence two-sided confidence level of the interval, e.g. 0.98
     */
    public static MannWhitneyResult test(double[] canary, double[] baseline, double confidence) {
        if (canary.length == 0 || baseline.length == 0) {
            throw new IllegalArgumentException("both samples need values");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        int n = canary.length;
        int m = baseline.length;
        double u = uOfCanary(canary, baseline);
        double mean = n * (double) m / 2;
        double sigma = sigma(canary, baseline);
        double z = sigma == 0 ? 0 : (u - mean) / sigma;
        double p = sigma == 0 ? 1 : 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));

        double[] differences = new double[n * m];
        int k = 0;
        for (double c : canary) {
            for (double b : baseline) {
                differences[k++] = c - b;
            }
        }
        Arrays.sort(differences);
        double estimate = median(differences);
        double zCritical = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        // number of smallest (and largest) differences that fall outside the interval
        int outside = (int) Math.floor(mean - zCritical * Math.sqrt(n * (double) m * (n + m + 1) / 12));
        outside = Math.max(0, Math.min(outside, differences.length / 2 - (differences.length % 2 == 0 ? 1 : 0)));
        double lower = differences[outside];
        double upper = differences[differences.length - 1 - outside];
        return new MannWhitneyResult(u, z, p, estimate, lower, upper);
    }

    /**
     * Only the standardised U: what the gate's features need, without the n x m pairwise differences
     * of the interval (the bulk of {@link #test}'s time).
     */
    public static double z(double[] canary, double[] baseline) {
        if (canary.length == 0 || baseline.length == 0) {
            throw new IllegalArgumentException("both samples need values");
        }
        double sigma = sigma(canary, baseline);
        return sigma == 0 ? 0 : (uOfCanary(canary, baseline) - canary.length * (double) baseline.length / 2) / sigma;
    }

    /** Standard deviation of U under no shift, with the tie correction. */
    private static double sigma(double[] canary, double[] baseline) {
        int n = canary.length;
        int m = baseline.length;
        return Math.sqrt(n * (double) m / 12 * ((n + m + 1) - tieTerm(canary, baseline) / ((n + m) * (double) (n + m - 1))));
    }

    /** U of the canary: pairs (canary, baseline) where the canary is larger, ties counting one half. */
    private static double uOfCanary(double[] canary, double[] baseline) {
        int n = canary.length;
        int m = baseline.length;
        double[] all = new double[n + m];
        System.arraycopy(canary, 0, all, 0, n);
        System.arraycopy(baseline, 0, all, n, m);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double rankSum = 0;
        for (double c : canary) {
            rankSum += midRank(sorted, c);
        }
        return rankSum - n * (n + 1) / 2.0;
    }

    /** 1-based average rank of {@code value} in {@code sorted}. */
    private static double midRank(double[] sorted, double value) {
        int first = lowerBound(sorted, value);
        int last = lowerBound(sorted, Math.nextUp(value)) - 1;
        return (first + last) / 2.0 + 1;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sum of t^3 - t over groups of tied values, for the variance correction. */
    private static double tieTerm(double[] canary, double[] baseline) {
        double[] all = new double[canary.length + baseline.length];
        System.arraycopy(canary, 0, all, 0, canary.length);
        System.arraycopy(baseline, 0, all, canary.length, baseline.length);
        Arrays.sort(all);
        double sum = 0;
        int i = 0;
        while (i < all.length) {
            int j = i;
            while (j + 1 < all.length && all[j + 1] == all[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    static double median(double[] sorted) {
        int len = sorted.length;
        return len % 2 == 1 ? sorted[len / 2] : (sorted[len / 2 - 1] + sorted[len / 2]) / 2;
    }
}
