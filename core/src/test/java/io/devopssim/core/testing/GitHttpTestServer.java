package io.devopssim.core.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Git server over HTTP for tests and benchmarks: JGit's {@link GitServlet} on embedded Jetty 12,
 * bound to 127.0.0.1 on a free port, with HTTP Basic authentication for every request (fetch and push).
 *
 * <p>Repositories are bare, under a temporary directory, and created with their first commit on
 * {@code main}. {@link #stop()} and {@link #start()} take the server down and up on the same port, to test
 * what clients do when it is unreachable; {@link #delayResponses(Duration)} makes it slow, to test timeouts.
 */
public final class GitHttpTestServer implements AutoCloseable {
    public static final String DEFAULT_BRANCH = "main";
    private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String username;
    private final byte[] expectedAuthorization;
    private final Path base;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private final Map<String, Repository> served = new ConcurrentHashMap<>();
    private final AtomicInteger interference = new AtomicInteger();
    private final AtomicLong interferenceCommits = new AtomicLong();
    private volatile Duration delay = Duration.ZERO;
    private Server server;
    private int port;

    /** Starts a server that accepts only {@code username} with {@code password}. */
    public GitHttpTestServer(String username, String password) throws IOException {
        this.username = username;
        this.expectedAuthorization = ("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        this.base = Files.createTempDirectory("devsim-git-server-");
        start();
    }

    /**
     * Creates a bare repository with one commit on {@link #DEFAULT_BRANCH} holding {@code initialFiles}
     * (path to UTF-8 content, written byte for byte) and returns its clone URL.
     */
    public String createRepository(String name, Map<String, String> initialFiles) throws IOException {
        String dirName = name.endsWith(".git") ? name : name + ".git";
        if (!REPO_NAME.matcher(dirName).matches()) {
            throw new IllegalArgumentException("repository name must be letters, digits, '.', '_' or '-': " + name);
        }
        Path dir = base.resolve(dirName);
        if (Files.exists(dir)) {
            throw new IllegalArgumentException("repository exists: " + name);
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
            repo.create(true);
            StoredConfig config = repo.getConfig();
            // JGit's ReceivePack packs every push and starts a GC after 50 packs, which slows pushes down
            config.setBoolean("receive", null, "autogc", false);
            config.save();
            RefUpdate head = repo.updateRef(Constants.HEAD);
            head.link(Constants.R_HEADS + DEFAULT_BRANCH);
            commitFiles(repo, Constants.R_HEADS + DEFAULT_BRANCH, null, initialFiles,
                    new PersonIdent("Test Setup", "setup@localhost"), "Initial environment\n");
        }
        // kept open while the server lives: opening a repository per request costs more than serving it
        served.put(dirName, new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build());
        return url(dirName);
    }

    /** The clone URL of a repository of this server. */
    public String url(String name) {
        return "http://127.0.0.1:" + port + "/" + (name.endsWith(".git") ? name : name + ".git");
    }

    public int port() {
        return port;
    }

    /** Opens a repository of this server directly (no HTTP), for assertions; the caller closes it. */
    public Repository openRepository(String name) throws IOException {
        String dirName = name.endsWith(".git") ? name : name + ".git";
        return new FileRepositoryBuilder().setGitDir(base.resolve(dirName).toFile()).setMustExist(true).build();
    }

    /** A file's content at the tip of a branch, or null when it is not there. */
    public String readFile(String name, String branch, String path) throws IOException {
        try (Repository repo = openRepository(name); RevWalk walk = new RevWalk(repo)) {
            RevCommit tip = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
            try (TreeWalk tw = TreeWalk.forPath(repo, path, tip.getTree())) {
                return tw == null ? null
                        : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The commits of a branch, newest first. */
    public List<RevCommit> history(String name, String branch) throws IOException {
        try (Repository repo = openRepository(name); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve(Constants.R_HEADS + branch)));
            List<RevCommit> out = new ArrayList<>();
            walk.forEach(out::add);
            return out;
        }
    }

    /** HTTP requests served so far, including refused ones. */
    public long requestCount() {
        return requests.get();
    }

    /** Authenticated push requests ({@code POST .../git-receive-pack}) served so far. */
    public long pushCount() {
        return pushes.get();
    }

    /**
     * The next {@code n} pushes find that another writer moved their branch after the server advertised
     * it and before their update: the server commits {@code interference/<n>.txt} to the branch between
     * receiving a push and applying it, so the push fails its compare-and-swap ("failed to lock").
     */
    public void interfereWithNextPushes(int n) {
        interference.set(n);
    }

    /** Commits made by {@link #interfereWithNextPushes(int)} so far. */
    public long interferenceCount() {
        return interferenceCommits.get();
    }

    /** Holds every response for {@code d} before serving it (zero to stop). */
    public void delayResponses(Duration d) {
        this.delay = d;
    }

    /** Starts the server (again), on the port it had before if it ran already. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("git-http-test");
        Server s = new Server(threads);
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((req, name) -> {
            Repository repo = served.get(name);
            if (repo == null) {
                throw new RepositoryNotFoundException(name);
            }
            repo.incrementOpen(); // GitServlet closes it after the request; the server keeps it open
            return repo;
        });
        git.setReceivePackFactory((req, db) -> {
            if (req.getRemoteUser() == null) {
                throw new ServiceNotAuthorizedException();
            }
            ReceivePack receive = new ReceivePack(db);
            receive.setRefLogIdent(new PersonIdent(req.getRemoteUser(), req.getRemoteUser() + "@127.0.0.1"));
            receive.setPreReceiveHook((rp, commands) -> interfere(db, commands));
            return receive;
        });
        context.addServlet(new ServletHolder(git), "/*");
        context.addFilter(new FilterHolder(new BasicAuth()), "/*", EnumSet.of(DispatcherType.REQUEST));
        s.setHandler(context);
        try {
            s.start();
        } catch (Exception e) {
            stopQuietly(s);
            throw new IOException("cannot start the Git test server on 127.0.0.1:" + port, e);
        }
        port = connector.getLocalPort();
        server = s;
    }

    /** Stops serving: clients now get "connection refused". Repositories are kept. */
    public synchronized void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        served.values().forEach(Repository::close);
        served.clear();
        try (Stream<Path> paths = Files.walk(base)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly(Server s) {
        try {
            s.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the Git test server", e);
        }
    }

    private void interfere(Repository repo, Collection<ReceiveCommand> commands) {
        if (interference.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return;
        }
        for (ReceiveCommand command : commands) {
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit tip = walk.parseCommit(repo.exactRef(command.getRefName()).getObjectId());
                long n = interferenceCommits.incrementAndGet();
                commitFiles(repo, command.getRefName(), tip, Map.of("interference/" + n + ".txt", "write " + n + "\n"),
                        new PersonIdent("Other Writer", "other@localhost"), "Concurrent write " + n + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Commits {@code files} (path to UTF-8 content) on top of {@code parent} (null for a first commit) and
     * moves {@code ref} to it only if it still points at {@code parent}.
     */
    private static void commitFiles(Repository repo, String ref, RevCommit parent, Map<String, String> files,
                                    PersonIdent ident, String message) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            if (parent != null) {
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            }
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, String> f : files.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8));
                editor.add(new DirCacheEditor.PathEdit(f.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(ref);
            update.setExpectedOldObjectId(parent != null ? parent : ObjectId.zeroId());
            update.setNewObjectId(id);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("cannot update " + ref + ": " + result);
            }
        }
    }

    /**
     * HTTP Basic authentication. JGit's GitServlet lets only authenticated users push (it asks
     * {@code getRemoteUser()}), so an accepted request carries the user name.
     */
    private final class BasicAuth implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            requests.incrementAndGet();
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse res = (HttpServletResponse) response;
            Duration wait = delay;
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    return;
                }
            }
            String header = req.getHeader("Authorization");
            if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
                res.setHeader("WWW-Authenticate", "Basic realm=\"devsim-git\"");
                res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if ("POST".equals(req.getMethod()) && req.getRequestURI().endsWith("/git-receive-pack")) {
                pushes.incrementAndGet();
            }
            chain.doFilter(new HttpServletRequestWrapper(req) {
                @Override
                public String getRemoteUser() {
                    return username;
                }

                @Override
                public String getAuthType() {
                    return HttpServletRequest.BASIC_AUTH;
                }
            }, response);
        }
    }
}
