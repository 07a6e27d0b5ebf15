package io.devopssim.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, for opening a local page with no network: the flags below keep it from
 * reaching out on its own (sync, component updates, background networking, QUIC), each run has a fresh profile,
 * and console messages (CSP violations, script errors) go to its stderr.
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;

    /** What one run printed. */
    record Run(String stdout, String stderr) {
        /** Console lines the page produced: CSP violations, script errors, console.log. */
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** Chromium from {@code $DEVSIM_CHROMIUM} or the PATH; fails clearly when there is none. */
    static HeadlessChromium find(Path work) {
        Optional<Path> exe = Optional.ofNullable(System.getenv("DEVSIM_CHROMIUM")).map(Path::of).filter(Files::isExecutable)
                .or(() -> onPath("chromium")).or(() -> onPath("chromium-browser"));
        return new HeadlessChromium(exe.orElseThrow(() -> new IllegalStateException(
                "no chromium on the PATH: install Debian's chromium (run-tests does) or set DEVSIM_CHROMIUM")), work);
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The DOM after the page's scripts ran (virtual time lets timers fire without waiting for them). */
    Run dumpDom(Path page) throws IOException, InterruptedException {
        return run("dom", List.of("--dump-dom", page.toUri().toString()));
    }

    Run screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run("shot", List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
    }

    private Run run(String name, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
        command.addAll(args);
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + command + "\n" + run.stderr());
        }
        return run;
    }
}
