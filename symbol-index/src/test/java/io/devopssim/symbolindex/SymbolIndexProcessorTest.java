package io.devopssim.symbolindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small sources with javac and reads the index the processor leaves in the output directory. */
class SymbolIndexProcessorTest {

    private static final String DEPLOY = """
            package demo;
            @org.jenkinsci.Symbol("deploy")
            public class Deploy {
            }
            """;
    private static final String OUTER = """
            package demo;
            public class Outer {
                @org.jenkinsci.Symbol({"inner", "nested"})
                public static class Inner {
                }
                public static class NotIndexed {
                }
            }
            """;
    private static final String PLAIN = """
            package demo;
            public class Plain {
            }
            """;

    @TempDir
    Path work;

    @Test
    void listsEveryAnnotatedClassByBinaryNameOnePerLine() throws Exception {
        Path out = compile(Map.of("demo/Deploy.java", DEPLOY, "demo/Outer.java", OUTER, "demo/Plain.java", PLAIN), false);

        assertThat(Files.readString(index(out), StandardCharsets.UTF_8)).isEqualTo("demo.Deploy\ndemo.Outer$Inner\n");
    }

    @Test
    void writesNoIndexWhenNothingIsAnnotated() throws Exception {
        Path out = compile(Map.of("demo/Plain.java", PLAIN), false);

        assertThat(out.resolve("demo/Plain.class")).exists();
        assertThat(index(out)).doesNotExist();
    }

    @Test
    void anIncrementalCompilationKeepsEntriesOfClassesItDidNotRecompile() throws Exception {
        Path out = compile(Map.of("demo/Deploy.java", DEPLOY, "demo/Outer.java", OUTER), false);
        Files.writeString(index(out), Files.readString(index(out)) + "demo.Gone\n");
        String chaos = "package demo;\n@org.jenkinsci.Symbol(\"chaos\")\npublic class Chaos {\n}\n";
        String deployWithoutSymbol = "package demo;\npublic class Deploy {\n}\n";

        compileInto(out, Map.of("demo/Chaos.java", chaos, "demo/Deploy.java", deployWithoutSymbol), false);

        // Outer$Inner was not recompiled but is still annotated; Deploy lost @Symbol; Gone no longer exists
        assertThat(Files.readAllLines(index(out))).containsExactly("demo.Chaos", "demo.Outer$Inner");
    }

    @Test
    void isFoundOnTheClassPathAndLeavesSezpozItsExtensionIndex() throws Exception {
        String both = """
                package demo;
                @org.jenkinsci.Symbol("both")
                @hudson.Extension
                public class Both {
                }
                """;

        Path out = compile(Map.of("demo/Both.java", both), true);

        assertThat(Files.readAllLines(index(out))).containsExactly("demo.Both");
        assertThat(out.resolve("META-INF/annotations/hudson.Extension")).isNotEmptyFile();
    }

    private static Path index(Path out) {
        return out.resolve(SymbolIndexProcessor.INDEX);
    }

    private Path compile(Map<String, String> sources, boolean discoverProcessors) throws IOException {
        Path out = Files.createDirectories(work.resolve("classes"));
        compileInto(out, sources, discoverProcessors);
        return out;
    }

    /**
     * Compiles {@code sources} into {@code out}, with {@code out} on the class path as in an incremental build.
     * With {@code discoverProcessors} javac finds the processors itself through their service files (ours in this
     * module's classes, sezpoz's in its jar); otherwise only this processor runs.
     */
    private void compileInto(Path out, Map<String, String> sources, boolean discoverProcessors) throws IOException {
        Path src = Files.createDirectories(work.resolve("src-" + System.nanoTime()));
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toFile());
        }
        String classPath = String.join(File.pathSeparator, locationOf(SymbolIndexProcessor.class),
                locationOf(org.jenkinsci.Symbol.class), locationOf(net.java.sezpoz.Indexable.class), out.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
                    List.of("-d", out.toString(), "-classpath", classPath, "--release", "17"), null,
                    fileManager.getJavaFileObjectsFromFiles(files));
            if (!discoverProcessors) {
                task.setProcessors(List.of(new SymbolIndexProcessor()));
            }
            boolean compiled = task.call();
            assertThat(compiled)
                    .withFailMessage(() -> "javac failed:\n" + diagnostics.getDiagnostics().stream()
                            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n")))
                    .isTrue();
        }
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
