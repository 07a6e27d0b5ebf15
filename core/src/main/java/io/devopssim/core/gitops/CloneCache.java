package io.devopssim.core.gitops;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Bare clones of environment repositories, reused between operations so that each promotion fetches only
 * what changed instead of cloning the whole history again.
 *
 * <p>A clone is leased to one operation at a time, so concurrent promotions in one JVM never share one;
 * when all clones of a repository are leased, a new one is made. An operation that fails deletes its clone:
 * no half-fetched or half-committed state is ever reused.
 */
final class CloneCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloneCache.class);
    private static final int DELETE_ATTEMPTS = 5;

    private final Path root;
    private final boolean ownsRoot;
    private final Map<String, Deque<Clone>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    CloneCache(Path root) throws IOException {
        this.ownsRoot = root == null;
        this.root = root == null ? Files.createTempDirectory("devsim-gitops-") : Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    Lease lease(String repoUrl, String branch) throws IOException {
        if (closed) {
            throw new IllegalStateException("the promoter is closed");
        }
        String key = repoUrl + '\n' + branch;
        Clone reused = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).pollFirst();
        return new Lease(key, reused != null ? reused : new Clone(create(), new TrailerIndex()));
    }

    private Repository create() throws IOException {
        Path dir = Files.createTempDirectory(root, "clone-");
        try {
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            StoredConfig config = repo.getConfig();
            // a clone lives as long as the promoter; nothing here should start work of its own
            config.setInt("gc", null, "auto", 0);
            config.setBoolean("core", null, "logAllRefUpdates", false);
            config.save();
            return repo;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(deque -> {
            for (Clone clone; (clone = deque.pollFirst()) != null; ) {
                discard(clone);
            }
        });
        if (ownsRoot) {
            delete(root);
        }
    }

    private static void discard(Clone clone) {
        clone.repository().close();
        delete(clone.repository().getDirectory().toPath());
    }

    /**
     * Deletes a clone. Retried briefly: JGit may drop a probe file into a repository directory from a
     * background thread (it measures the file system's timestamp resolution), and a file appearing
     * mid-delete makes the directory's deletion fail.
     */
    private static void delete(Path dir) {
        IOException last = null;
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS && Files.exists(dir); attempt++) {
            try {
                deleteTree(dir);
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(dir)) {
            LOG.warn("cannot delete the clone {}: {}", dir, last);
            throw new UncheckedIOException("cannot delete " + dir, last != null ? last : new IOException("still there"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // gone meanwhile: that is what we want
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** One operation's exclusive use of a clone. Unless {@link #keep()} was called, closing deletes it. */
    final class Lease implements AutoCloseable {
        private final String key;
        private final Clone clone;
        private boolean keep;

        private Lease(String key, Clone clone) {
            this.key = key;
            this.clone = clone;
        }

        Repository repository() {
            return clone.repository();
        }

        TrailerIndex trailers() {
            return clone.trailers();
        }

        /** The operation finished cleanly: the clone may serve the next one. */
        void keep() {
            keep = true;
        }

        @Override
        public void close() {
            if (keep && !closed) {
                idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).addFirst(clone);
                if (closed && idle.get(key).remove(clone)) {
                    discard(clone); // closed meanwhile: close() may have emptied the deque before we added
                }
            } else {
                discard(clone);
            }
        }
    }

    /** A bare clone and what is known about its branch's trailers. */
    private record Clone(Repository repository, TrailerIndex trailers) {
    }
}
