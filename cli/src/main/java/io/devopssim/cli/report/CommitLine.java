package io.devopssim.cli.report;

import java.time.Instant;
import java.util.Map;

/** A commit of the environment repository, with its trailers. */
public record CommitLine(String id, Instant time, String author, String message, Map<String, String> trailers) {
    public CommitLine {
        trailers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trailers)); // keep Git's order
    }
}
