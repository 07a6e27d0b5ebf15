package io.devopssim.core.gitops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Add or replace whole files of a repository in one commit (a trained model and its metadata, say), as
 * {@link GitPromoter#commitFiles} does.
 *
 * @param repoUrl     clone URL
 * @param branch      branch to push to
 * @param files       path inside the repository to its new bytes; other files stay as they are
 * @param check       run against every tip the commit is about to be made on (again after a lost race); throws to
 *                    refuse, e.g. when the branch moved in a way the change was not made for
 * @param summary     first line of the commit message
 * @param body        the message's body, or null
 * @param trailers    audit trailers; a commit with the same rollout id and step already on the branch means the
 *                    change is done, and nothing is committed again
 * @param credentials for the fetch and the push
 */
public record FilesCommitRequest(String repoUrl, String branch, Map<String, byte[]> files, TipCheck check,
                                 String summary, String body, CommitTrailers trailers, GitCredentials credentials) {
    public FilesCommitRequest {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(trailers, "trailers");
        Objects.requireNonNull(credentials, "credentials");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to commit");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        files = java.util.Collections.unmodifiableMap(copy);
    }

    /** Sees the branch tip's files before the commit is made on it. */
    @FunctionalInterface
    public interface TipCheck {
        /** Accepts every tip. */
        TipCheck NONE = tip -> { };

        void check(TipFiles tip) throws PromotionException;
    }

    /** Files at the tip being committed on. */
    @FunctionalInterface
    public interface TipFiles {
        /** The file's bytes, or null when the tip has no such file. */
        byte[] read(String path) throws PromotionException;
    }
}
