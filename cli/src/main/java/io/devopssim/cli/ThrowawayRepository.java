package io.devopssim.cli;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.GitOpsSpec;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FileUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dry run's environment repository: a bare copy of the spec's branch, cloned read-only into a temporary
 * folder, so the rollout commits exactly as it would, against the real history (a step this rollout id
 * already made is found there), while nothing reaches the real repository. Deleted on close.
 */
final class ThrowawayRepository implements AutoCloseable {
    private final Path dir;
    private final Path bare;
    private final ObjectId clonedTip;
    private final String file;

    /**
     * @param file      the manifest whose changes {@link #commits()} shows
     * @param clonedTip the branch's tip when it was copied
     */
    private ThrowawayRepository(Path dir, Path bare, ObjectId clonedTip, String file) {
        this.dir = dir;
        this.bare = bare;
        this.clonedTip = clonedTip;
        this.file = file;
    }

    /** Copies the branch the spec names; a repository that cannot be read is the user's to fix. */
    static ThrowawayRepository of(GitOpsSpec gitops, GitCredentials credentials) throws IOException {
        Path dir = Files.createTempDirectory("devsim-dry-run-");
        Path bare = dir.resolve("env.git");
        try (Git git = Git.cloneRepository().setURI(gitops.repoUrl()).setBare(true).setDirectory(bare.toFile())
                .setBranchesToClone(List.of("refs/heads/" + gitops.branch())).setBranch(gitops.branch())
                .setCredentialsProvider(credentials.isAnonymous() ? null
                        : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()))
                .call()) {
            ObjectId tip = git.getRepository().resolve("refs/heads/" + gitops.branch());
            if (tip == null) {
                throw new UserError("the dry run cannot copy branch " + gitops.branch() + " of " + gitops.repoUrl()
                        + ": there is no such branch");
            }
            return new ThrowawayRepository(dir, bare, tip, gitops.file());
        } catch (GitAPIException e) {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS);
            throw new UserError("the dry run reads the environment repository (read only) and could not: " + e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS);
            throw e;
        }
    }

    String url() {
        return bare.toUri().toString();
    }

    /** A commit the dry run made: what it would have pushed. */
    record Commit(String message, Map<String, String> trailers, List<String> changes) {
    }

    /** The commits made since the copy, oldest first, each with the lines of the manifest it changes. */
    List<Commit> commits() throws IOException {
        List<Commit> made = new ArrayList<>();
        try (Git git = Git.open(bare.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repo = git.getRepository();
            walk.markStart(walk.parseCommit(repo.resolve("HEAD")));
            walk.markUninteresting(walk.parseCommit(clonedTip));
            for (RevCommit c : walk) {
                Map<String, String> trailers = new LinkedHashMap<>();
                for (FooterLine f : c.getFooterLines()) {
                    trailers.put(f.getKey(), f.getValue());
                }
                made.add(0, new Commit(c.getShortMessage(), trailers, changes(repo, c)));
            }
        }
        return made;
    }

    /** The removed and added lines of the manifest, as a diff shows them. */
    private List<String> changes(Repository repo, RevCommit c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter diff = new DiffFormatter(out)) {
            diff.setRepository(repo);
            diff.setPathFilter(PathFilter.create(file));
            List<DiffEntry> entries = diff.scan(c.getParentCount() == 0 ? null : repo.parseCommit(c.getParent(0)).getTree(), c.getTree());
            diff.format(entries);
        }
        return out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
                .toList();
    }

    @Override
    public void close() throws IOException {
        FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS);
    }
}
