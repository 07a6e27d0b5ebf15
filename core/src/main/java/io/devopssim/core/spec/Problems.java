package io.devopssim.core.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one spec as it is read. Public so that the spec readers of the plugins (cluster
 * registries, wave plans) report problems the same way.
 */
public final class Problems {
    private final List<SpecProblem> found = new ArrayList<>();

    public void add(String path, String message) {
        found.add(new SpecProblem(path, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * The problems in the order of the top-level keys in {@code order} (sections are read in the order
     * their cross-checks need, not the order a person reads them); whole-document problems and unknown
     * top-level keys first; within a section, the order found.
     */
    public List<SpecProblem> inSectionOrder(List<String> order) {
        List<SpecProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(p -> rank(p.path(), order)));
        return sorted;
    }

    /** The problems in the order found. */
    public List<SpecProblem> all() {
        return List.copyOf(found);
    }

    private static int rank(String path, List<String> order) {
        if (path.isEmpty()) {
            return -2;
        }
        int end = 0;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return order.indexOf(path.substring(0, end)); // -1 for an unknown key
    }
}
