package io.devopssim.core.gitops;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;

/**
 * A commit made locally on the branch tip, not pushed yet.
 *
 * @param commit        the new commit
 * @param previousValue the value it replaced, or null
 * @param valueChanged  whether its tree differs from its parent's
 */
record Change(ObjectId commit, String previousValue, boolean valueChanged) {

    /** Makes the change on {@code tip}; called again on the new tip after a lost race. */
    @FunctionalInterface
    interface Maker {
        Change make(Repository repo, RevWalk walk, RevCommit tip) throws IOException, PromotionException;
    }

    /** The value before a commit found in history (an earlier run of the same step). */
    @FunctionalInterface
    interface PreviousValue {
        String of(Repository repo, RevWalk walk, RevCommit found) throws IOException;
    }
}
