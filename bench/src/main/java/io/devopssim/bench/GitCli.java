package io.devopssim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} command line, isolated from the machine's Git configuration (its own HOME, no system
 * config), authenticating through a credential helper that reads the password from the child's
 * environment: the password is never on a command line, in a URL or in output.
 */
final class GitCli {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path home;
    private final String username;
    private final String password;

    GitCli(Path home, String username, String password) throws IOException {
        this.home = Files.createDirectories(home);
        this.username = username;
        this.password = password;
    }

    void run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_AUTHOR_NAME", "Bench");
        env.put("GIT_AUTHOR_EMAIL", "bench@localhost");
        env.put("GIT_COMMITTER_NAME", "Bench");
        env.put("GIT_COMMITTER_EMAIL", "bench@localhost");
        env.put("BENCH_GIT_USER", username);
        env.put("BENCH_GIT_PASSWORD", password);
        env.put("GIT_CONFIG_COUNT", "1");
        env.put("GIT_CONFIG_KEY_0", "credential.helper");
        env.put("GIT_CONFIG_VALUE_0", "!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' "
                + "\"$BENCH_GIT_USER\" \"$BENCH_GIT_PASSWORD\"; }; f");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + args[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            String output = new String(out, StandardCharsets.UTF_8).replace(password, "****");
            throw new IOException("git " + args[0] + " failed (" + p.exitValue() + "): " + output.strip());
        }
    }
}
