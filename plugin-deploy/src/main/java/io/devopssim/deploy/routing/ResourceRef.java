package io.devopssim.deploy.routing;

import java.util.Objects;

/**
 * One namespaced Kubernetes object a router reads or writes, named the way {@code kubectl} names it
 * ({@code kind namespace/name}) so that every error says exactly which object was at fault.
 */
public record ResourceRef(String kind, String namespace, String name) {

    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        requireName(namespace, "namespace");
        requireName(name, "name");
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
