package io.devopssim.multicloud;

import java.util.List;
import java.util.Optional;

/** The clusters a release can go to, with unique names, in the order they were given. */
public record ClusterRegistry(List<Cluster> clusters) {
    public static final ClusterRegistry EMPTY = new ClusterRegistry(List.of());

    public ClusterRegistry {
        clusters = List.copyOf(clusters);
        long distinct = clusters.stream().map(Cluster::name).distinct().count();
        if (distinct != clusters.size()) {
            throw new IllegalArgumentException("cluster names must be unique");
        }
    }

    public Optional<Cluster> find(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return clusters.stream().map(Cluster::name).toList();
    }
}
