package io.devopssim.deploy;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bare environment repository on disk for engine tests, seeded with one Helm values file. */
public final class EnvRepoFixture {
    public static final String FILE = "apps/checkout/values.yaml";
    public static final String VALUES = """
            # checkout in production
            image:
              repository: ghcr.io/acme/checkout
              tag: "1.4.2"   # stable
            replicaCount: 10
            """;

    /** Where a GitOps traffic router keeps the weight (apart from the image tag, so reverts never conflict). */
    public static final String TRAFFIC_FILE = "apps/checkout/traffic.yaml";
    public static final String TRAFFIC = """
            # canary traffic of checkout, applied by Argo CD
            canary:
              weight: 0
            """;

    public final Path bare;

    public EnvRepoFixture(Path root) throws Exception {
        bare = root.resolve("env.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = root.resolve("seed");
        try (Git git = Git.cloneRepository().setURI(url()).setDirectory(work.toFile()).call()) {
            Files.createDirectories(work.resolve(FILE).getParent());
            Files.writeString(work.resolve(FILE), VALUES);
            Files.writeString(work.resolve(TRAFFIC_FILE), TRAFFIC);
            git.add().addFilepattern(FILE).addFilepattern(TRAFFIC_FILE).call();
            PersonIdent who = new PersonIdent("Platform", "platform@example.com");
            git.commit().setMessage("seed").setAuthor(who).setCommitter(who).call();
            git.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
        }
    }

    private EnvRepoFixture(Path bare, boolean copied) {
        this.bare = bare;
    }

    /** A copy of this repository as it is now, under {@code root}: cheaper than seeding a new one. */
    public EnvRepoFixture copy(Path root) throws java.io.IOException {
        Path target = root.resolve("env.git");
        try (java.util.stream.Stream<Path> files = Files.walk(bare)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(bare.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return new EnvRepoFixture(target, true);
    }

    public String url() {
        return bare.toUri().toString();
    }

    /** Trailers of every commit on main, oldest first (the seed has none). */
    public List<Map<String, String>> trailers() throws Exception {
        List<Map<String, String>> all = new ArrayList<>();
        try (Git git = Git.open(bare.toFile())) {
            for (RevCommit c : git.log().call()) {
                Map<String, String> t = new LinkedHashMap<>();
                for (FooterLine f : c.getFooterLines()) {
                    t.put(f.getKey(), f.getValue());
                }
                all.add(0, t);
            }
        }
        return all;
    }

    public String file() throws Exception {
        return file(FILE);
    }

    /** The file at the tip of main. */
    public String file(String path) throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            var repo = git.getRepository();
            try (TreeWalk w = TreeWalk.forPath(repo, path, repo.parseCommit(repo.resolve("main")).getTree())) {
                return new String(repo.open(w.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
