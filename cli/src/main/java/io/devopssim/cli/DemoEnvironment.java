package io.devopssim.cli;

import io.devopssim.cli.report.CommitLine;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's environment repository: a bare Git repository seeded with one Helm values file. */
final class DemoEnvironment {
    static final String VALUES_PATH = "apps/checkout/values.yaml";

    private final Path bare;

    private DemoEnvironment(Path bare) {
        this.bare = bare;
    }

    static DemoEnvironment create(Path bare, Path scratch) throws IOException, GitAPIException {
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git work = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(scratch.toFile()).call()) {
            Path values = scratch.resolve(VALUES_PATH);
            Files.createDirectories(values.getParent());
            try (InputStream in = DemoEnvironment.class.getResourceAsStream("/demo/values.yaml")) {
                Files.write(values, in.readAllBytes());
            }
            PersonIdent who = new PersonIdent("Platform Team", "platform@example.com");
            work.add().addFilepattern(VALUES_PATH).call();
            work.commit().setMessage("Add checkout at 1.4.2").setAuthor(who).setCommitter(who).call();
            work.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
        }
        return new DemoEnvironment(bare);
    }

    String url() {
        return bare.toUri().toString();
    }

    /** History of main, newest first, with trailers parsed the way Git does. */
    List<CommitLine> history() throws IOException, GitAPIException {
        List<CommitLine> lines = new ArrayList<>();
        try (Git git = Git.open(bare.toFile())) {
            for (RevCommit c : git.log().call()) {
                Map<String, String> trailers = new LinkedHashMap<>();
                for (FooterLine f : c.getFooterLines()) {
                    trailers.put(f.getKey(), f.getValue());
                }
                lines.add(new CommitLine(c.getName(), c.getAuthorIdent().getWhenAsInstant(),
                        c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">",
                        c.getFullMessage(), trailers));
            }
        }
        return lines;
    }

    /** {@code git log} as Git prints it. */
    static String format(List<CommitLine> history) {
        StringBuilder b = new StringBuilder();
        for (CommitLine c : history) {
            b.append("commit ").append(c.id()).append('\n');
            b.append("Author: ").append(c.author()).append('\n');
            b.append("Date:   ").append(c.time()).append("\n\n");
            for (String line : c.message().strip().split("\n", -1)) {
                b.append("    ").append(line).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    String file() throws IOException, GitAPIException {
        try (Git git = Git.open(bare.toFile())) {
            var repo = git.getRepository();
            var tree = repo.parseCommit(repo.resolve("main")).getTree();
            try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, VALUES_PATH, tree)) {
                return new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
