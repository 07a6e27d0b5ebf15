package io.devopssim.core.spec;

/** A container image, e.g. {@code ghcr.io/acme/checkout:1.5.0}. */
public record ImageRef(String repository, String tag) {
    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
