package io.devopssim.core.hpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import net.java.sezpoz.Indexable;

/**
 * Builds small .hpi files for HpiInspectorTest the way the build does: the classes are compiled by javac with
 * sezpoz on the class path, so the index is the one its real processor writes (for a made-up
 * {@code @demo.Ext} annotation, since core cannot see hudson.Extension).
 */
final class HpiFixture {

    static final String SHORT_NAME = "demo-plugin";

    final Map<String, String> manifest = new LinkedHashMap<>(Map.of(
            "Short-Name", SHORT_NAME,
            "Long-Name", "Demo plugin",
            "Plugin-Version", "1.0",
            "Jenkins-Version", "2.479.3",
            "Hudson-Version", "2.479.3",
            "Plugin-Dependencies", "workflow-step-api:710.v3e456cc85233"));
    final Map<String, String> jarManifestOverrides = new LinkedHashMap<>();
    final Map<String, String> resources = new LinkedHashMap<>(Map.of(
            "index.jelly", "<?jelly escape-by-default='true'?>\n<div>Demo</div>\n",
            "demo/Thing/config.jelly", "<?jelly escape-by-default='true'?>\n<j:jelly xmlns:j=\"jelly:core\"/>\n",
            "META-INF/services/annotations/demo.Sym", "demo.Other\n"));
    final List<String> libraries = new ArrayList<>(List.of("commons-demo-1.0.jar"));
    final List<String> droppedClasses = new ArrayList<>();
    boolean includePluginJar = true;

    private final Path work;

    HpiFixture(Path work) {
        this.work = work;
    }

    /** Compiles the demo sources (once per work directory) and returns the class output directory. */
    Path compile() throws IOException {
        Path classes = work.resolve("classes");
        if (Files.isDirectory(classes)) {
            return classes;
        }
        Path sources = work.resolve("src/demo");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Files.writeString(sources.resolve("Ext.java"), "package demo;\n"
                + "@net.java.sezpoz.Indexable\n"
                + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)\n"
                + "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)\n"
                + "public @interface Ext { double ordinal() default 0; }\n");
        Files.writeString(sources.resolve("Thing.java"), "package demo;\n"
                + "public class Thing {\n"
                + "  @Ext(ordinal = 5) public static class DescriptorImpl { public DescriptorImpl() {} }\n"
                + "}\n");
        // Sym stands for org.jenkinsci.Symbol (RUNTIME retention); its index is a resource of the fixture
        Files.writeString(sources.resolve("Sym.java"), "package demo;\n"
                + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                + "public @interface Sym {}\n");
        Files.writeString(sources.resolve("Other.java"), "package demo;\n@Ext @Sym public class Other {}\n");
        String sezpoz = Path.of(toUri(Indexable.class)).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK (not a JRE) runs the tests").isNotNull();
        // sezpoz prints a note per indexed class; keep javac's output for the failure message only.
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int exit = javac.run(null, diagnostics, diagnostics, "-classpath", sezpoz, "-d", classes.toString(),
                sources.resolve("Ext.java").toString(), sources.resolve("Thing.java").toString(),
                sources.resolve("Sym.java").toString(), sources.resolve("Other.java").toString());
        assertThat(exit).as("demo sources compile:%n%s", diagnostics).isZero();
        assertThat(classes.resolve("META-INF/annotations/demo.Ext")).as("sezpoz wrote its index").exists();
        return classes;
    }

    private static java.net.URI toUri(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the .hpi as the antrun 'hpi' execution does: the plugin jar in WEB-INF/lib, its manifest on top. */
    Path build(String fileName) throws IOException {
        Path classes = compile();
        Path pluginJar = work.resolve(fileName + "-" + SHORT_NAME + ".jar");
        Map<String, String> jarManifest = new LinkedHashMap<>(manifest);
        jarManifest.putAll(jarManifestOverrides);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(pluginJar), manifestOf(jarManifest));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (!droppedClasses.contains(name)) {
                    put(jar, name, Files.readAllBytes(file));
                }
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                put(jar, resource.getKey(), resource.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Path hpi = work.resolve(fileName + ".hpi");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(hpi), manifestOf(manifest))) {
            if (includePluginJar) {
                put(out, HpiInspector.pluginJarPath(SHORT_NAME), Files.readAllBytes(pluginJar));
            }
            for (String library : libraries) {
                put(out, "WEB-INF/lib/" + library, emptyJar());
            }
        }
        return hpi;
    }

    private static Manifest manifestOf(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        return manifest;
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    private static byte[] emptyJar() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, new Manifest())) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
