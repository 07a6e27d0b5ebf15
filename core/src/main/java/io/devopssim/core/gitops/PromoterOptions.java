package io.devopssim.core.gitops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GitPromoter} commits and pushes.
 *
 * @param authorName   author and committer name of its commits
 * @param authorEmail  author and committer e-mail
 * @param workRoot     where it keeps its clones; null for a temporary directory of its own (deleted on close)
 * @param maxAttempts  push attempts before a race is reported as a failure
 * @param backoffBase  first wait after a lost race; it doubles per attempt, with jitter
 * @param backoffCap   longest wait between attempts
 * @param timeout      network timeout of each fetch and push, so a hung server fails instead of hanging
 */
public record PromoterOptions(String authorName, String authorEmail, Path workRoot, int maxAttempts,
                              Duration backoffBase, Duration backoffCap, Duration timeout) {

    public PromoterOptions {
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(timeout, "timeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("timeout must be at least one second (Git transports count seconds)");
        }
    }

    /**
     * DevOps Simulator &lt;devsim@localhost&gt;, a temporary work root, 25 attempts, 20 ms to 2 s backoff, 30 s
     * timeout. A busy environment repository (24 promoters on one branch of a loaded 2-core machine) needed
     * more than 10 attempts; 25 with a 2 s cap bounds the wait at under a minute, short next to a sync.
     */
    public static PromoterOptions defaults() {
        return new PromoterOptions("DevOps Simulator", "devsim@localhost", null, 25, Duration.ofMillis(20),
                Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    public PromoterOptions withAuthor(String name, String email) {
        return new PromoterOptions(name, email, workRoot, maxAttempts, backoffBase, backoffCap, timeout);
    }

    public PromoterOptions withWorkRoot(Path root) {
        return new PromoterOptions(authorName, authorEmail, root, maxAttempts, backoffBase, backoffCap, timeout);
    }

    public PromoterOptions withMaxAttempts(int attempts) {
        return new PromoterOptions(authorName, authorEmail, workRoot, attempts, backoffBase, backoffCap, timeout);
    }

    public PromoterOptions withBackoff(Duration base, Duration cap) {
        return new PromoterOptions(authorName, authorEmail, workRoot, maxAttempts, base, cap, timeout);
    }

    public PromoterOptions withTimeout(Duration t) {
        return new PromoterOptions(authorName, authorEmail, workRoot, maxAttempts, backoffBase, backoffCap, t);
    }
}
