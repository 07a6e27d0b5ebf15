package io.devopssim.multicloud;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment repository of the wave tests: one Helm values file per cluster and the global traffic weights,
 * in a bare repository on disk (file://, fast enough to run a plan dozens of times) or served over HTTP by core's
 * GitHttpTestServer. Read back directly for assertions.
 */
public final class EnvRepo {
    public static final String FILE = "apps/checkout/values.yaml";
    public static final String TRAFFIC = "global/checkout-traffic.yaml";

    /** Opens the bare repository for reading; the caller closes it. */
    @FunctionalInterface
    interface Opener {
        Repository open() throws IOException;
    }

    private final Opener opener;
    private final String url;

    private EnvRepo(Opener opener, String url) {
        this.opener = opener;
        this.url = url;
    }

    /** The files of an environment of these clusters, each with {@code weight} of the traffic and 4 replicas at 1.4.2. */
    public static Map<String, String> files(List<String> clusters, int weight) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder traffic = new StringBuilder("# share of checkout's requests per cluster (weighted DNS records)\nweights:\n");
        for (String c : clusters) {
            files.put("clusters/" + c + "/" + FILE, """
                    # checkout in %s
                    image:
                      repository: ghcr.io/acme/checkout
                      tag: "1.4.2"   # stable

                    replicaCount: 4
                    """.formatted(c));
            traffic.append("  ").append(c).append(": ").append(weight).append('\n');
        }
        files.put(TRAFFIC, traffic.toString());
        return files;
    }

    /** A bare repository under {@code root}, seeded with {@code files}, used over file://. */
    public static EnvRepo local(Path root, Map<String, String> files) throws Exception {
        Path bare = root.resolve("env.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = root.resolve("seed");
        try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = work.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
                git.add().addFilepattern(f.getKey()).call();
            }
            PersonIdent who = new PersonIdent("Platform", "platform@example.com");
            git.commit().setMessage("seed").setAuthor(who).setCommitter(who).call();
            git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        }
        return new EnvRepo(() -> new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build(),
                bare.toUri().toString());
    }

    /** A repository of core's GitHttpTestServer, used over HTTP with Basic authentication. */
    static EnvRepo served(io.devopssim.core.testing.GitHttpTestServer server, String name, Map<String, String> files)
            throws IOException {
        String url = server.createRepository(name, files);
        return new EnvRepo(() -> server.openRepository(name), url);
    }

    public String url() {
        return url;
    }

    public String read(String path) throws IOException {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            RevCommit tip = walk.parseCommit(repo.resolve("refs/heads/main"));
            try (TreeWalk tw = TreeWalk.forPath(repo, path, tip.getTree())) {
                return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    public String values(String cluster) throws IOException {
        return read("clusters/" + cluster + "/" + FILE);
    }

    /** {@code Rollout-Id/Step} of every commit on main, oldest first (the seed has none: "seed"). */
    public List<String> steps() throws IOException {
        List<String> steps = new ArrayList<>();
        for (Map<String, String> t : trailers()) {
            steps.add(t.isEmpty() ? "seed" : t.get("Rollout-Id") + "/" + t.get("Step"));
        }
        return steps;
    }

    /** Trailers of every commit on main, oldest first. */
    public List<Map<String, String>> trailers() throws IOException {
        List<Map<String, String>> all = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
            for (RevCommit c : walk) {
                Map<String, String> t = new LinkedHashMap<>();
                for (FooterLine f : c.getFooterLines()) {
                    t.put(f.getKey(), f.getValue());
                }
                all.add(0, t);
            }
        }
        return all;
    }

    /** Ids of every commit on main, oldest first. */
    public List<String> commitIds() throws IOException {
        List<String> all = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
            for (RevCommit c : walk) {
                all.add(0, c.name());
            }
        }
        return all;
    }

    /** Full messages of every commit on main, oldest first. */
    public List<String> messages() throws IOException {
        List<String> all = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
            for (RevCommit c : walk) {
                all.add(0, c.getFullMessage());
            }
        }
        return all;
    }

    private Repository open() throws IOException {
        return opener.open();
    }
}
