package io.devopssim.bench;

import io.devopssim.core.testing.GitHttpTestServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * core's GitHttpTestServer in a JVM of its own, so that a benchmark measures its own heap and threads, not
 * the server's. The child serves one repository on 127.0.0.1 until its standard input closes; the password
 * goes to it in an environment variable, never on a command line or in output.
 */
final class GitServerProcess implements AutoCloseable {
    static final String PASSWORD_VARIABLE = "DEVSIM_BENCH_GIT_PASSWORD";

    private final Process process;
    private final String url;

    /** Starts the child with a repository holding {@code files}; returns once it serves. */
    GitServerProcess(String user, String password, int files) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), user, Integer.toString(files)));
        pb.environment().put(PASSWORD_VARIABLE, password);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("http://127.0.0.1:")) {
            process.destroyForcibly();
            throw new IOException("the Git server process did not start (it said: " + line + ")");
        }
        url = line.strip();
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The child: serves the benchmark's repository until standard input closes. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) throws Exception {
            Map<String, String> files = RolloutsBench.files(Integer.parseInt(args[1]));
            try (GitHttpTestServer server = new GitHttpTestServer(args[0], System.getenv(PASSWORD_VARIABLE))) {
                System.out.println(server.createRepository("env", files));
                System.out.flush();
                while (System.in.read() != -1) {
                    // serve until the parent closes our input (or dies)
                }
            }
        }
    }
}
