package io.devopssim.core.gitops;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Promotes by commit: changes one value of a manifest in the environment repository and pushes it, with
 * the rollout's trailers, so that Argo CD applies it and history is the audit trail.
 *
 * <ul>
 *   <li><b>Idempotent per rollout step.</b> Before committing it searches the branch history for a commit
 *   with the same {@code Rollout-Id} and {@code Step} trailers; if there is one, it returns it
 *   ({@code alreadyCommitted}) and pushes nothing. A resumed rollout never commits twice.</li>
 *   <li><b>Always a commit.</b> When the value already is the new one, it still commits (an empty commit
 *   with the trailers, {@code valueChanged=false}): the decision belongs in the audit trail.</li>
 *   <li><b>Nothing lost under concurrency.</b> Promotions of one promoter to the same branch take turns
 *   (a fair lock: racing itself would only waste pushes). Against other writers, the push is a
 *   compare-and-swap on the branch. A lost race
 *   is fetched, checked again for the trailers (another promoter may have made this very step), re-applied
 *   to the new tip and pushed again, up to {@link PromoterOptions#maxAttempts()} times with jittered
 *   exponential backoff.</li>
 *   <li><b>Byte-exact.</b> Only the value's bytes change ({@link ManifestEditor}); commits are made from
 *   objects, with no working tree, so no line-ending conversion or Git setting of the machine applies.
 *   For the same reason a revert is a three-way merge in memory, as JGit's {@code RevertCommand} does
 *   against a working tree.</li>
 *   <li><b>No half state.</b> Clones are bare, kept per repository and branch for reuse, leased to one
 *   operation at a time; an operation that fails deletes its clone.</li>
 * </ul>
 *
 * <p>Every failure is a {@link PromotionException} with one sentence that names the repository URL
 * (never a password): unreachable server, failed authentication, missing branch or file, a value the
 * editor cannot change, a revert that conflicts. Thread-safe; close it to delete its clones.
 */
public final class GitPromoter implements Promoter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GitPromoter.class);

    private final PromoterOptions options;
    private final CloneCache clones;
    /** One fair lock per repository and branch: this promoter's own commits to a branch never race each other. */
    private final Map<String, ReentrantLock> branchLocks = new ConcurrentHashMap<>();
    private final Backoff backoff;
    private final ManifestEditor editor = new ManifestEditor();

    public GitPromoter() {
        this(PromoterOptions.defaults());
    }

    public GitPromoter(PromoterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.backoff = new Backoff(options.backoffBase(), options.backoffCap());
        try {
            this.clones = new CloneCache(options.workRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the promoter's work directory", e);
        }
    }

    /** Commits {@code request.newValue()} at the locator, or finds the commit this step already made. */
    public PromotionResult promote(PromotionRequest request) throws PromotionException {
        String path = repoPath(request.file());
        String where = " on branch " + request.branch() + " of " + TransportErrors.safeUrl(request.repoUrl());
        String message = History.message(request.summary(), null, request.trailers());
        Change.Maker maker = (repo, walk, tip) -> {
            String text = readText(repo, tip, path, where);
            String previous;
            String edited;
            try {
                previous = editor.read(text, request.locator());
                edited = request.newValue() == null ? text : editor.write(text, request.locator(), request.newValue());
            } catch (ManifestEditException e) {
                throw new PromotionException(path + ": " + e.getMessage(), e);
            }
            ObjectId commit = TreeCommits.commitFile(repo, tip, path, edited.getBytes(StandardCharsets.UTF_8), message,
                    ident());
            return new Change(commit, previous, !edited.equals(text));
        };
        Change.PreviousValue previousOfFound = (repo, walk, found) -> {
            if (found.getParentCount() == 0) {
                return null;
            }
            byte[] bytes = TreeCommits.read(repo, walk.parseCommit(found.getParent(0)), path);
            try {
                return bytes == null ? null : editor.read(new String(bytes, StandardCharsets.UTF_8), request.locator());
            } catch (ManifestEditException e) {
                return null;
            }
        };
        return commitLoop(request.repoUrl(), request.branch(), request.credentials(), request.trailers(), maker,
                previousOfFound);
    }

    /**
     * Commits several values of one manifest in one commit, or finds the commit this step already made. The
     * result's {@code previousValue} lists the values before, in the order of the changes, joined by ", ".
     */
    @Override
    public PromotionResult promoteValues(ValuesPromotionRequest request) throws PromotionException {
        String path = repoPath(request.file());
        String where = " on branch " + request.branch() + " of " + TransportErrors.safeUrl(request.repoUrl());
        String message = History.message(request.summary(), null, request.trailers());
        Change.Maker maker = (repo, walk, tip) -> {
            String text = readText(repo, tip, path, where);
            List<String> previous = new ArrayList<>();
            String edited = text;
            try {
                for (ValueChange change : request.changes()) {
                    previous.add(editor.read(edited, change.locator()));
                    edited = editor.write(edited, change.locator(), change.newValue());
                }
            } catch (ManifestEditException e) {
                throw new PromotionException(path + ": " + e.getMessage(), e);
            }
            ObjectId commit = TreeCommits.commitFile(repo, tip, path, edited.getBytes(StandardCharsets.UTF_8), message,
                    ident());
            return new Change(commit, String.join(", ", previous), !edited.equals(text));
        };
        return commitLoop(request.repoUrl(), request.branch(), request.credentials(), request.trailers(), maker,
                (repo, walk, found) -> null);
    }

    /**
     * Commits whole files (added or replaced) in one commit with the request's trailers, under the same
     * guarantees as a promotion: idempotent per rollout id and step, pushed as a compare-and-swap and
     * re-made on the new tip after a lost race, where {@link FilesCommitRequest#check()} runs again.
     */
    public PromotionResult commitFiles(FilesCommitRequest request) throws PromotionException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : request.files().entrySet()) {
            files.put(repoPath(f.getKey()), f.getValue());
        }
        String message = History.message(request.summary(), request.body(), request.trailers());
        Change.Maker maker = (repo, walk, tip) -> {
            request.check().check(path -> {
                try {
                    return TreeCommits.read(repo, tip, repoPath(path));
                } catch (IOException e) {
                    throw new PromotionException("cannot read " + path + " of " + TransportErrors.safeUrl(request.repoUrl())
                            + ": " + e.getMessage(), e);
                }
            });
            ObjectId commit = TreeCommits.commitFiles(repo, tip, files, message, ident());
            return new Change(commit, null, !walk.parseCommit(commit).getTree().equals(tip.getTree()));
        };
        return commitLoop(request.repoUrl(), request.branch(), request.credentials(), request.trailers(), maker,
                (repo, walk, found) -> null);
    }

    /** Reverts one commit of the branch with a new commit that carries the trailers. */
    public PromotionResult revert(RevertRequest request) throws PromotionException {
        String url = TransportErrors.safeUrl(request.repoUrl());
        Change.Maker maker = (repo, walk, tip) -> {
            ObjectId id = resolveCommit(repo, request.commitId(), url);
            RevCommit target = walk.parseCommit(id);
            if (!walk.isMergedInto(target, tip)) {
                throw new PromotionException("commit " + request.commitId() + " is not on branch " + request.branch()
                        + " of " + url);
            }
            if (target.getParentCount() != 1) {
                throw new PromotionException("commit " + request.commitId() + " has " + target.getParentCount()
                        + " parents; only a commit with one parent can be reverted");
            }
            RevCommit parent = walk.parseCommit(target.getParent(0));
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
            merger.setBase(target.getTree());
            merger.setCommitNames(new String[] {"reverted", "branch", "before " + target.abbreviate(7).name()});
            if (!merger.merge(tip, parent)) {
                List<String> paths = new ArrayList<>(merger.getUnmergedPaths());
                if (merger.getFailingPaths() != null) {
                    paths.addAll(merger.getFailingPaths().keySet());
                }
                throw new PromotionException("cannot revert " + target.abbreviate(7).name() + " on " + request.branch()
                        + " of " + url + ": later commits changed the same lines of " + String.join(", ", paths));
            }
            ObjectId tree = merger.getResultTreeId();
            String message = History.message(request.summary(), "This reverts commit " + target.name() + ".",
                    request.trailers());
            return new Change(TreeCommits.commitTree(repo, tip, tree, message, ident()), null,
                    !tree.equals(tip.getTree()));
        };
        return commitLoop(request.repoUrl(), request.branch(), request.credentials(), request.trailers(), maker,
                (repo, walk, found) -> null);
    }

    /** The commit of this rollout step on the branch, if there is one. */
    @Override
    public Optional<CommitInfo> findCommit(String repoUrl, String branch, GitCredentials credentials, String rolloutId,
                                           String step) throws PromotionException {
        return withBranch(repoUrl, branch, credentials, (lease, remote) -> {
            ObjectId tip = remote.fetch();
            try (RevWalk walk = new RevWalk(lease.repository())) {
                return lease.trailers().find(walk, walk.parseCommit(tip), rolloutId, step).map(History::info);
            }
        });
    }

    /** The newest {@code max} commits of the branch, newest first. */
    @Override
    public List<CommitInfo> log(String repoUrl, String branch, GitCredentials credentials, int max)
            throws PromotionException {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return withBranch(repoUrl, branch, credentials, (lease, remote) -> {
            ObjectId tip = remote.fetch();
            try (RevWalk walk = new RevWalk(lease.repository())) {
                return History.log(walk, tip, max);
            }
        });
    }

    /** The value at {@code locator} in {@code file} at the tip of {@code branch}. */
    @Override
    public String currentValue(String repoUrl, String branch, String file, ValueLocator locator,
                               GitCredentials credentials) throws PromotionException {
        String path = repoPath(file);
        String where = " on branch " + branch + " of " + TransportErrors.safeUrl(repoUrl);
        return withBranch(repoUrl, branch, credentials, (lease, remote) -> {
            ObjectId tip = remote.fetch();
            try (RevWalk walk = new RevWalk(lease.repository())) {
                String text = readText(lease.repository(), walk.parseCommit(tip), path, where);
                try {
                    return editor.read(text, locator);
                } catch (ManifestEditException e) {
                    throw new PromotionException(path + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /** The values at {@code locators} in {@code file} at the tip of {@code branch}, read from one fetch. */
    @Override
    public List<String> currentValues(String repoUrl, String branch, String file, List<ValueLocator> locators,
                                      GitCredentials credentials) throws PromotionException {
        String path = repoPath(file);
        String where = " on branch " + branch + " of " + TransportErrors.safeUrl(repoUrl);
        return withBranch(repoUrl, branch, credentials, (lease, remote) -> {
            ObjectId tip = remote.fetch();
            try (RevWalk walk = new RevWalk(lease.repository())) {
                String text = readText(lease.repository(), walk.parseCommit(tip), path, where);
                List<String> values = new ArrayList<>();
                for (ValueLocator locator : locators) {
                    try {
                        values.add(editor.read(text, locator));
                    } catch (ManifestEditException e) {
                        throw new PromotionException(path + ": " + e.getMessage(), e);
                    }
                }
                return values;
            }
        });
    }

    /** Where the clones live; empty after a failure unless earlier operations left clones for reuse. */
    public Path workRoot() {
        return clones.root();
    }

    /** Deletes the clones (and the work root, when the promoter made it). */
    @Override
    public void close() {
        clones.close();
    }

    private PromotionResult commitLoop(String repoUrl, String branch, GitCredentials credentials,
                                       CommitTrailers trailers, Change.Maker maker, Change.PreviousValue previousOfFound)
            throws PromotionException {
        ReentrantLock lock = branchLocks.computeIfAbsent(repoUrl + '\n' + branch, k -> new ReentrantLock(true));
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromotionException("interrupted while waiting for another promotion to branch " + branch + " of "
                    + TransportErrors.safeUrl(repoUrl), e);
        }
        try {
            return pushLoop(repoUrl, branch, credentials, trailers, maker, previousOfFound);
        } finally {
            lock.unlock();
        }
    }

    private PromotionResult pushLoop(String repoUrl, String branch, GitCredentials credentials,
                                     CommitTrailers trailers, Change.Maker maker, Change.PreviousValue previousOfFound)
            throws PromotionException {
        return withBranch(repoUrl, branch, credentials, (lease, remote) -> {
            Repository repo = lease.repository();
            long attemptStart = System.nanoTime();
            ObjectId tipId = remote.fetch();
            for (int attempt = 1; ; attempt++) {
                try (RevWalk walk = new RevWalk(repo)) {
                    RevCommit tip = walk.parseCommit(tipId);
                    Optional<RevCommit> done = lease.trailers().find(walk, tip, trailers.rolloutId(), trailers.step());
                    if (done.isPresent()) {
                        RevCommit found = walk.parseCommit(done.get());
                        return new PromotionResult(found.name(), true, previousOfFound.of(repo, walk, found),
                                attempt - 1, changesTree(walk, found));
                    }
                    Change change = maker.make(repo, walk, tip);
                    if (remote.push(change.commit(), tip) == RemoteBranch.Push.OK) {
                        return new PromotionResult(change.commit().name(), false, change.previousValue(), attempt,
                                change.valueChanged());
                    }
                }
                if (attempt >= options.maxAttempts()) {
                    throw new PromotionException("gave up pushing to branch " + branch + " of "
                            + TransportErrors.safeUrl(repoUrl) + " after " + attempt
                            + " attempts: concurrent pushes kept moving it");
                }
                long wait = backoff.delayMillis(attempt, (System.nanoTime() - attemptStart) / 1_000_000);
                LOG.debug("push to {} {} lost a race (attempt {}), retrying in {} ms", TransportErrors.safeUrl(repoUrl),
                        branch, attempt, wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PromotionException("interrupted before retrying the push to branch " + branch + " of "
                            + TransportErrors.safeUrl(repoUrl), e);
                }
                attemptStart = System.nanoTime();
                tipId = remote.fetch();
            }
        });
    }

    private <T> T withBranch(String repoUrl, String branch, GitCredentials credentials, BranchOperation<T> operation)
            throws PromotionException {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(credentials, "credentials");
        try (CloneCache.Lease lease = clones.lease(repoUrl, branch);
             RemoteBranch remote = new RemoteBranch(lease.repository(), repoUrl, branch, credentials,
                     (int) options.timeout().toSeconds())) {
            T result = operation.run(lease, remote);
            lease.keep();
            return result;
        } catch (IOException e) {
            throw new PromotionException("cannot use the local clone of " + TransportErrors.safeUrl(repoUrl) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String readText(Repository repo, RevCommit commit, String path, String where)
            throws IOException, PromotionException {
        byte[] bytes = TreeCommits.read(repo, commit, path);
        if (bytes == null) {
            throw new PromotionException(path + " not found" + where);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PromotionException(path + " is not UTF-8 text" + where, e);
        }
    }

    private static ObjectId resolveCommit(Repository repo, String commitId, String url)
            throws IOException, PromotionException {
        ObjectId id;
        try {
            id = repo.resolve(commitId + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new PromotionException("commit id " + commitId + " is ambiguous in " + url + "; give more digits", e);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            id = null;
        }
        if (id == null) {
            throw new PromotionException("commit " + commitId + " not found in " + url);
        }
        return id;
    }

    private static boolean changesTree(RevWalk walk, RevCommit commit) throws IOException {
        if (commit.getParentCount() == 0) {
            return true;
        }
        return !walk.parseCommit(commit.getParent(0)).getTree().equals(commit.getTree());
    }

    /** A path inside the repository as Git writes it: forward slashes, no leading slash, no {@code ..}. */
    static String repoPath(String file) throws PromotionException {
        String p = file.replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.startsWith("./") ? p.substring(2) : p.substring(1);
        }
        if (p.isEmpty() || p.endsWith("/") || p.contains("//") || ("/" + p + "/").contains("/../")
                || ("/" + p + "/").contains("/./") || p.equals(Constants.DOT_GIT) || p.startsWith(Constants.DOT_GIT + "/")) {
            throw new PromotionException("not a file path inside the repository: " + file);
        }
        return p;
    }

    private PersonIdent ident() {
        return new PersonIdent(options.authorName(), options.authorEmail());
    }

    @FunctionalInterface
    private interface BranchOperation<T> {
        T run(CloneCache.Lease lease, RemoteBranch remote) throws IOException, PromotionException;
    }
}
