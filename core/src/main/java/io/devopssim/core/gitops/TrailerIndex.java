package io.devopssim.core.gitops;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which commit of a branch carries each (rollout id, step) pair, kept with a clone so that each promotion
 * reads only the commits that arrived since the last one instead of the whole history again.
 *
 * <p>History normally only grows. If the branch was rewritten (the last scanned tip is no longer in its
 * history), the index is rebuilt from scratch. Not thread-safe: it belongs to one leased clone.
 */
final class TrailerIndex {
    private final Map<String, ObjectId> newestByStep = new HashMap<>();
    private ObjectId scannedTip;

    /** The newest commit reachable from {@code tip} with these trailers. */
    Optional<RevCommit> find(RevWalk walk, RevCommit tip, String rolloutId, String step) throws IOException {
        update(walk, tip);
        ObjectId id = newestByStep.get(key(rolloutId, step));
        return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
    }

    private void update(RevWalk walk, RevCommit tip) throws IOException {
        if (tip.equals(scannedTip)) {
            return;
        }
        if (scannedTip != null && !walk.isMergedInto(walk.parseCommit(scannedTip), tip)) {
            newestByStep.clear();
            scannedTip = null;
        }
        walk.reset();
        walk.markStart(tip);
        if (scannedTip != null) {
            walk.markUninteresting(walk.parseCommit(scannedTip));
        }
        Map<String, ObjectId> fresh = new HashMap<>();
        for (RevCommit c : walk) {
            Map<String, String> trailers = History.trailers(c);
            String rollout = trailers.get(CommitTrailers.ROLLOUT_ID);
            String step = trailers.get(CommitTrailers.STEP);
            if (rollout != null && step != null) {
                fresh.putIfAbsent(key(rollout, step), c.copy()); // newest first
            }
        }
        newestByStep.putAll(fresh); // commits new since the last scan are newer than all before
        scannedTip = tip.copy();
        walk.reset();
    }

    private static String key(String rolloutId, String step) {
        return rolloutId + '\n' + step;
    }
}
