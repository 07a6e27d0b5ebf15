package io.devopssim.bench;

import io.devopssim.core.gitops.CommitInfo;
import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.ManifestEditException;
import io.devopssim.core.gitops.ManifestEditor;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.gitops.ValueChange;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.gitops.ValuesPromotionRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine-only run's environment repository: manifests in memory, edited by core's real
 * {@link ManifestEditor}, with the promoter's contract (one commit per rollout step, found again by its
 * trailers). It measures the engine without Git's I/O; the with-Git run uses the real {@code GitPromoter}.
 */
final class MemoryPromoter implements Promoter {
    private final ManifestEditor editor = new ManifestEditor();
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, CommitInfo> commits = new HashMap<>();
    private long nextId;

    synchronized void put(String file, String text) {
        files.put(file, text);
    }

    synchronized int commitCount() {
        return commits.size();
    }

    @Override
    public synchronized PromotionResult promote(PromotionRequest request) throws PromotionException {
        String key = request.trailers().rolloutId() + '\n' + request.trailers().step();
        CommitInfo done = commits.get(key);
        if (done != null) {
            return new PromotionResult(done.id(), true, null, 0);
        }
        String text = file(request.file());
        try {
            String previous = editor.read(text, request.locator());
            if (request.newValue() != null) {
                files.put(request.file(), editor.write(text, request.locator(), request.newValue()));
            }
            CommitInfo commit = commit(request.summary(), request.trailers());
            commits.put(key, commit);
            return new PromotionResult(commit.id(), false, previous, 1, request.newValue() != null);
        } catch (ManifestEditException e) {
            throw new PromotionException(request.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized PromotionResult promoteValues(ValuesPromotionRequest request) throws PromotionException {
        String key = request.trailers().rolloutId() + '\n' + request.trailers().step();
        CommitInfo done = commits.get(key);
        if (done != null) {
            return new PromotionResult(done.id(), true, null, 0);
        }
        String text = file(request.file());
        try {
            for (ValueChange change : request.changes()) {
                text = editor.write(text, change.locator(), change.newValue());
            }
        } catch (ManifestEditException e) {
            throw new PromotionException(request.file() + ": " + e.getMessage(), e);
        }
        files.put(request.file(), text);
        CommitInfo commit = commit(request.summary(), request.trailers());
        commits.put(key, commit);
        return new PromotionResult(commit.id(), false, null, 1, true);
    }

    @Override
    public synchronized List<CommitInfo> log(String repoUrl, String branch, GitCredentials credentials, int max) {
        List<CommitInfo> newestFirst = new ArrayList<>(commits.values());
        newestFirst.sort(Comparator.comparing(CommitInfo::id).reversed());
        return List.copyOf(newestFirst.subList(0, Math.min(max, newestFirst.size())));
    }

    @Override
    public synchronized List<String> currentValues(String repoUrl, String branch, String file, List<ValueLocator> locators,
                                                   GitCredentials credentials) throws PromotionException {
        List<String> values = new ArrayList<>();
        for (ValueLocator locator : locators) {
            values.add(currentValue(repoUrl, branch, file, locator, credentials));
        }
        return values;
    }

    @Override
    public synchronized PromotionResult revert(RevertRequest request) throws PromotionException {
        throw new PromotionException("the benchmark's rollouts do not verify deployments, so they never revert");
    }

    @Override
    public synchronized String currentValue(String repoUrl, String branch, String file, ValueLocator locator,
                                            GitCredentials credentials) throws PromotionException {
        try {
            return editor.read(file(file), locator);
        } catch (ManifestEditException e) {
            throw new PromotionException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<CommitInfo> findCommit(String repoUrl, String branch, GitCredentials credentials,
                                                        String rolloutId, String step) {
        return Optional.ofNullable(commits.get(rolloutId + '\n' + step));
    }

    private String file(String name) throws PromotionException {
        String text = files.get(name);
        if (text == null) {
            throw new PromotionException("no file " + name);
        }
        return text;
    }

    private CommitInfo commit(String summary, CommitTrailers trailers) {
        String id = String.format("%040x", ++nextId);
        return new CommitInfo(id, summary, summary, trailers.asMap(), Instant.now());
    }
}
