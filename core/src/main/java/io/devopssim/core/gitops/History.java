package io.devopssim.core.gitops;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The branch history as the audit trail: commit messages with trailers, and finding a step's commit. */
final class History {

    private History() {
    }

    /** {@code summary}, a blank line, then the trailers as {@code Key: value} lines: Git's trailer format. */
    static String message(String summary, String body, CommitTrailers trailers) {
        StringBuilder sb = new StringBuilder(summary.strip()).append("\n\n");
        if (body != null) {
            sb.append(body).append("\n\n");
        }
        trailers.asMap().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    static List<CommitInfo> log(RevWalk walk, ObjectId tip, int max) throws IOException {
        walk.reset();
        walk.markStart(walk.parseCommit(tip));
        List<CommitInfo> out = new ArrayList<>();
        for (RevCommit c : walk) {
            if (out.size() >= max) {
                break;
            }
            out.add(info(c));
        }
        return out;
    }

    static CommitInfo info(RevCommit c) {
        return new CommitInfo(c.name(), c.getShortMessage(), c.getFullMessage(), trailers(c),
                c.getCommitterIdent().getWhenAsInstant());
    }

    static Map<String, String> trailers(RevCommit c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FooterLine line : c.getFooterLines()) {
            out.putIfAbsent(line.getKey(), line.getValue().strip());
        }
        return out;
    }
}
