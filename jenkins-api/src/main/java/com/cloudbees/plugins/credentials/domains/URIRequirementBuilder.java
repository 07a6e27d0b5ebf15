package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

/**
 * Compile-only copy (credentials plugin). Its results are requirement types signatures.txt does not capture,
 * so every method throws here.
 */
public class URIRequirementBuilder {

    private URIRequirementBuilder() {
    }

    @NonNull
    public static URIRequirementBuilder create() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder duplicate() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withUri(String uri) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withoutScheme() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withoutPath() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withoutHostname() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withoutHostnamePort() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withScheme(String scheme) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withPath(String path) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withHostname(String hostname) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public URIRequirementBuilder withHostnamePort(String hostname, int port) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
