package io.devopssim.multicloud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves one cluster's traffic share to others: to each in proportion to what it already carries (equally when
 * they all carry none), in whole numbers by the largest remainder, so the total stays exactly the same.
 */
public final class WeightShift {
    private WeightShift() {
    }

    /**
     * @param weights   current weights of {@code from} and every receiver
     * @param from      the cluster that gives its share away (it ends at 0)
     * @param receivers who takes it, at least one
     * @return the new weights of {@code from} and the receivers, {@code from} first
     */
    public static Map<String, Integer> shift(Map<String, Integer> weights, String from, List<String> receivers) {
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("no cluster to shift " + from + "'s traffic to");
        }
        int share = weights.get(from);
        long base = receivers.stream().mapToLong(weights::get).sum();
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put(from, 0);
        List<double[]> remainders = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < receivers.size(); i++) {
            String r = receivers.get(i);
            double exact = base == 0 ? (double) share / receivers.size() : (double) share * weights.get(r) / base;
            int whole = (int) Math.floor(exact);
            result.put(r, weights.get(r) + whole);
            given += whole;
            remainders.add(new double[] {exact - whole, i});
        }
        // the points lost to rounding go to the largest remainders (ties: the earlier receiver)
        remainders.sort(Comparator.<double[]>comparingDouble(d -> -d[0]).thenComparingDouble(d -> d[1]));
        for (int k = 0; k < share - given; k++) {
            String r = receivers.get((int) remainders.get(k)[1]);
            result.put(r, result.get(r) + 1);
        }
        return result;
    }
}
