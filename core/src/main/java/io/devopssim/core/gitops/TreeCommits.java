package io.devopssim.core.gitops;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads files from commits and makes commits straight from objects, without a working tree: no checkout,
 * so no line-ending conversion, filter, hook or global Git setting can touch the bytes of a manifest.
 */
final class TreeCommits {

    private TreeCommits() {
    }

    /** The file's bytes at {@code commit}, or null when the commit has no such file. */
    static byte[] read(Repository repo, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (walk == null || walk.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                return null;
            }
            return repo.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
        }
    }

    /** A commit on {@code parent} whose tree differs only in {@code path}, which gets {@code content}. */
    static ObjectId commitFile(Repository repo, RevCommit parent, String path, byte[] content, String message,
                              PersonIdent ident) throws IOException {
        return commitFiles(repo, parent, java.util.Map.of(path, content), message, ident);
    }

    /** A commit on {@code parent} whose tree differs only in the given files, which get the given contents. */
    static ObjectId commitFiles(Repository repo, RevCommit parent, java.util.Map<String, byte[]> files, String message,
                                PersonIdent ident) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        if (entry.getRawMode() == 0) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                        }
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            ObjectId commit = inserter.insert(commitBuilder(tree, parent, message, ident));
            inserter.flush();
            return commit;
        }
    }

    /** A commit of an existing tree (the result of a merge) on {@code parent}. */
    static ObjectId commitTree(Repository repo, RevCommit parent, ObjectId tree, String message, PersonIdent ident)
            throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId commit = inserter.insert(commitBuilder(tree, parent, message, ident));
            inserter.flush();
            return commit;
        }
    }

    private static CommitBuilder commitBuilder(ObjectId tree, RevCommit parent, String message, PersonIdent ident) {
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentId(parent);
        cb.setAuthor(ident);
        cb.setCommitter(ident);
        cb.setEncoding(StandardCharsets.UTF_8);
        cb.setMessage(message);
        return cb;
    }
}
