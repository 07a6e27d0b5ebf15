package io.devopssim.core.hpi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;

/**
 * Opens a built {@code .hpi} and lists what would stop Jenkins from loading it, or make it misbehave once
 * loaded (facts and sources in shared/jenkins-api/PLUGIN-FORMAT.md). Each {@code *Problems} method returns
 * readable problem lines, empty when all is well, so a plugin module's packaging IT asserts them one by one.
 * Shared through core's test-jar so that every plugin module checks its own .hpi the same way.
 */
public final class HpiInspector implements AutoCloseable {

    /** The attributes core reads to load a plugin; the plugin jar must carry them too (JEP-200 class filter). */
    public static final List<String> PLUGIN_ATTRIBUTES = List.of("Short-Name", "Long-Name", "Plugin-Version",
            "Jenkins-Version", "Hudson-Version", "Plugin-Dependencies");

    /**
     * Jars of what Jenkins core provides to every plugin (versions.txt: "Libraries bundled in core 2.479.3 that
     * the Jenkins API signatures reference"), and our compile-only API. Bundling them is at best dead weight
     * (class loading is parent-first) and maven-hpi-plugin would drop them.
     */
    static final Map<String, Pattern> PROVIDED_BY_JENKINS = Map.ofEntries(
            Map.entry("our compile-only Jenkins API", Pattern.compile("jenkins-api.*\\.jar")),
            Map.entry("Jenkins core itself", Pattern.compile("jenkins-core-.*\\.jar")),
            Map.entry("guava (bundled in core)", Pattern.compile("(guava|failureaccess)-.*\\.jar")),
            Map.entry("sezpoz (bundled in core)", Pattern.compile("sezpoz-.*\\.jar")),
            Map.entry("spotbugs annotations (compile-time only)", Pattern.compile("(spotbugs-annotations|jsr305)-.*\\.jar")),
            Map.entry("slf4j-api (bundled in core)", Pattern.compile("slf4j-api-.*\\.jar")),
            Map.entry("the servlet API (provided by the container)", Pattern.compile(".*servlet-api-.*\\.jar")),
            Map.entry("Stapler and json-lib (bundled in core)", Pattern.compile("(stapler|json-lib)(-.*)?\\.jar")),
            Map.entry("Jenkins annotation libraries (bundled in core)",
                    Pattern.compile("(annotation-indexer|symbol-annotation|access-modifier-annotation|localizer)-.*\\.jar")),
            Map.entry("our @Symbol index processor (compile-time only)", Pattern.compile("devsim-symbol-index.*\\.jar")),
            Map.entry("remoting, XStream, Spring Security, commons-jelly (bundled in core)",
                    Pattern.compile("(remoting|xstream|spring-security-.*|commons-jelly)-.*\\.jar")));

    /** Views Stapler looks up in the directory of a class (PLUGIN-FORMAT.md, section 5). */
    private static final Pattern CLASS_VIEW = Pattern.compile(
            "(config|global|summary|badge|index)\\.jelly|help(-[^/]*)?\\.(html|jelly)");

    private final String shortName;
    private final JarFile hpi;
    private final Path pluginJarCopy;
    private final JarFile pluginJar;

    private HpiInspector(String shortName, JarFile hpi, Path pluginJarCopy) throws IOException {
        this.shortName = shortName;
        this.hpi = hpi;
        this.pluginJarCopy = pluginJarCopy;
        this.pluginJar = pluginJarCopy == null ? null : new JarFile(pluginJarCopy.toFile());
    }

    /** Opens {@code hpi}, whose own jar is expected at {@code WEB-INF/lib/<shortName>.jar}. */
    public static HpiInspector open(Path hpi, String shortName) throws IOException {
        if (!Files.isRegularFile(hpi)) {
            throw new IllegalStateException(hpi + " does not exist: the IT runs after 'package', which builds it");
        }
        JarFile archive = new JarFile(hpi.toFile());
        ZipEntry jarEntry = archive.getEntry(pluginJarPath(shortName));
        Path copy = null;
        if (jarEntry != null) {
            // A nested jar cannot be opened in place; sezpoz's reader also wants a URL it can load from.
            copy = Files.createTempFile(shortName, ".jar");
            try (InputStream in = archive.getInputStream(jarEntry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new HpiInspector(shortName, archive, copy);
    }

    /** Opens the .hpi named by the system properties {@code hpi.file} and {@code hpi.shortName} (set by failsafe). */
    public static HpiInspector openFromSystemProperties() throws IOException {
        String file = System.getProperty("hpi.file");
        String name = System.getProperty("hpi.shortName");
        if (file == null || name == null || name.contains("${")) {
            throw new IllegalStateException("system properties hpi.file and hpi.shortName are not set: run the IT through"
                    + " failsafe in a plugin module that defines the hpi.shortName property");
        }
        return open(Path.of(file), name);
    }

    static String pluginJarPath(String shortName) {
        return "WEB-INF/lib/" + shortName + ".jar";
    }

    /**
     * Everything that keeps Jenkins from loading the plugin, in one list: the manifest on {@code baseline}, the
     * plugin jar in WEB-INF/lib and no jar Jenkins provides, the {@code extension} index naming only classes of
     * the plugin jar, every {@code symbol} class in its index, and every view where Stapler looks.
     */
    public List<String> loadProblems(JenkinsBaseline baseline, Class<? extends Annotation> extension,
                                     Class<? extends Annotation> symbol) throws IOException {
        List<String> problems = new ArrayList<>(manifestProblems(baseline));
        problems.addAll(libraryProblems());
        problems.addAll(indexProblems(extension));
        problems.addAll(symbolIndexProblems(symbol));
        problems.addAll(viewProblems());
        return problems;
    }

    /**
     * What is wrong with this plugin's dependency on our own plugin {@code dependency} at {@code version}: it must be
     * declared in Plugin-Dependencies at that version, and neither its jars ({@code providedJarPrefixes}) nor the
     * classes of {@code providedPackages} may be bundled here, since that plugin's class loader provides them.
     */
    public List<String> pluginDependencyProblems(String dependency, String version, List<String> providedJarPrefixes,
                                                 List<String> providedPackages) throws IOException {
        List<String> problems = new ArrayList<>();
        String declared = hpi.getManifest() == null ? null
                : hpi.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
        if (declared == null || !List.of(declared.split(",")).contains(dependency + ":" + version)) {
            problems.add("Plugin-Dependencies (" + declared + ") does not declare " + dependency + ":" + version);
        }
        for (String jar : libraries()) {
            if (providedJarPrefixes.stream().anyMatch(jar::startsWith)) {
                problems.add("WEB-INF/lib/" + jar + " is provided by " + dependency + " and must not be bundled");
            }
        }
        for (String entry : pluginJarEntries()) {
            if (providedPackages.stream().anyMatch(entry::startsWith)) {
                problems.add(entry + " belongs to another module and is copied into the plugin jar");
            }
        }
        return problems;
    }

    /** The plugin manifest of the .hpi and of its jar: present, complete, and on the baseline of versions.txt. */
    public List<String> manifestProblems(JenkinsBaseline baseline) throws IOException {
        List<String> problems = new ArrayList<>();
        Manifest manifest = hpi.getManifest();
        if (manifest == null) {
            problems.add("the .hpi has no META-INF/MANIFEST.MF: Jenkins reports 'No manifest' and does not load it");
            return problems;
        }
        Attributes main = manifest.getMainAttributes();
        for (String attribute : PLUGIN_ATTRIBUTES) {
            String value = main.getValue(attribute);
            if (value == null || value.isBlank()) {
                problems.add("manifest lacks " + attribute);
            }
        }
        expect(problems, main, "Short-Name", shortName);
        expect(problems, main, "Jenkins-Version", baseline.jenkinsVersion());
        expect(problems, main, "Hudson-Version", baseline.jenkinsVersion());
        String dependencies = main.getValue("Plugin-Dependencies");
        if (dependencies != null) {
            problems.addAll(dependencyProblems(dependencies, baseline));
        }
        if (pluginJar != null) {
            Manifest jarManifest = pluginJar.getManifest();
            for (String attribute : PLUGIN_ATTRIBUTES) {
                String inHpi = main.getValue(attribute);
                String inJar = jarManifest == null ? null : jarManifest.getMainAttributes().getValue(attribute);
                if (inHpi != null && !inHpi.equals(inJar)) {
                    problems.add(pluginJarPath(shortName) + " manifest has " + attribute + "=" + inJar + ", the .hpi has "
                            + inHpi + " (the jar needs the plugin manifest for Jenkins' class filter)");
                }
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, Attributes main, String attribute, String expected) {
        String actual = main.getValue(attribute);
        if (actual != null && !actual.equals(expected)) {
            problems.add("manifest " + attribute + " is " + actual + ", expected " + expected);
        }
    }

    private static List<String> dependencyProblems(String attribute, JenkinsBaseline baseline) {
        List<String> problems = new ArrayList<>();
        List<PluginDependency> dependencies;
        try {
            dependencies = PluginDependency.parseList(attribute);
        } catch (IllegalArgumentException e) {
            return List.of("manifest Plugin-Dependencies is malformed: " + e.getMessage());
        }
        for (PluginDependency dependency : dependencies) {
            Optional<String> minimum = baseline.minimumVersion(dependency.shortName());
            if (minimum.isEmpty()) {
                problems.add("Plugin-Dependencies names " + dependency.shortName()
                        + ", which versions.txt gives no minimum version for");
            } else if (!PluginVersions.isAtLeast(dependency.version(), minimum.get())) {
                problems.add("Plugin-Dependencies requires " + dependency.shortName() + ":" + dependency.version()
                        + ", not at least the minimum " + minimum.get() + " of versions.txt");
            }
        }
        return problems;
    }

    /** The short names in the .hpi's Plugin-Dependencies, in order; empty when it declares none. */
    public List<String> dependencyNames() throws IOException {
        String declared = hpi.getManifest() == null ? null
                : hpi.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
        return declared == null ? List.of()
                : PluginDependency.parseList(declared).stream().map(PluginDependency::shortName).toList();
    }

    /** WEB-INF/lib holds the plugin's jar and no jar of what Jenkins already provides. */
    public List<String> libraryProblems() {
        List<String> problems = new ArrayList<>();
        if (pluginJar == null) {
            problems.add("the .hpi has no " + pluginJarPath(shortName));
        }
        for (String library : libraries()) {
            PROVIDED_BY_JENKINS.forEach((what, pattern) -> {
                if (pattern.matcher(library).matches()) {
                    problems.add("WEB-INF/lib/" + library + " is " + what + ": Jenkins provides it, do not bundle it");
                }
            });
        }
        return problems;
    }

    /** File names of the jars in WEB-INF/lib. */
    public List<String> libraries() {
        List<String> libraries = new ArrayList<>();
        hpi.stream().map(ZipEntry::getName)
                .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar") && n.indexOf('/', "WEB-INF/lib/".length()) < 0)
                .map(n -> n.substring("WEB-INF/lib/".length()))
                .sorted()
                .forEach(libraries::add);
        return libraries;
    }

    /** Entry names of the plugin jar (empty if it is missing). */
    public Set<String> pluginJarEntries() {
        Set<String> entries = new TreeSet<>();
        if (pluginJar != null) {
            pluginJar.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        return entries;
    }

    /**
     * The binary class names in the plugin jar's sezpoz index of {@code annotation} (for Jenkins:
     * {@code hudson.Extension}), read with sezpoz's own reader from the plugin jar alone.
     */
    public List<String> indexedClasses(Class<? extends Annotation> annotation) throws IOException {
        List<String> names = new ArrayList<>();
        if (pluginJarCopy == null) {
            return names;
        }
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {pluginJarCopy.toUri().toURL()}, null)) {
            for (IndexItem<? extends Annotation, Object> item : Index.load(annotation, Object.class, jarOnly)) {
                names.add(item.className());
            }
        }
        return names;
    }

    /**
     * The sezpoz index exists, is not empty, and every class it names is in the plugin jar: that index is the
     * only way Jenkins finds the plugin's extensions (descriptors of steps, global configuration, ...).
     */
    public List<String> indexProblems(Class<? extends Annotation> annotation) throws IOException {
        List<String> problems = new ArrayList<>();
        String index = "META-INF/annotations/" + annotation.getName();
        Set<String> entries = pluginJarEntries();
        if (!entries.contains(index)) {
            problems.add("the plugin jar has no " + index + ": Jenkins would find none of its extensions"
                    + " (was the sezpoz processor run, and is the annotation meta-annotated @Indexable?)");
            return problems;
        }
        List<String> classes = indexedClasses(annotation);
        if (classes.isEmpty()) {
            problems.add(index + " lists no class");
        }
        for (String className : classes) {
            if (!entries.contains(className.replace('.', '/') + ".class")) {
                problems.add(index + " names " + className + ", which is not in the plugin jar");
            }
        }
        return problems;
    }

    /**
     * The annotation-indexer index of {@code annotation} (for Jenkins: {@code org.jenkinsci.Symbol}, through
     * which structs finds symbol names), {@code META-INF/services/annotations/<name>}, lists exactly the classes of
     * the plugin jar that carry the annotation. A plugin without such a class needs no index. The classes are
     * loaded, not initialized, with {@code annotation}'s class loader as parent, so it must see their dependencies.
     */
    public List<String> symbolIndexProblems(Class<? extends Annotation> annotation) throws IOException {
        List<String> problems = new ArrayList<>();
        if (pluginJar == null) {
            return problems;
        }
        String index = "META-INF/services/annotations/" + annotation.getName();
        Set<String> annotated = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJarCopy.toUri().toURL()}, annotation.getClassLoader())) {
            for (String entry : pluginJarEntries()) {
                if (!entry.endsWith(".class") || entry.endsWith("module-info.class") || entry.endsWith("package-info.class")) {
                    continue;
                }
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    if (Class.forName(className, false, loader).isAnnotationPresent(annotation)) {
                        annotated.add(className);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add("cannot load " + className + " to look for @" + annotation.getName() + ": " + e);
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        ZipEntry indexEntry = pluginJar.getEntry(index);
        if (indexEntry != null) {
            try (InputStream in = pluginJar.getInputStream(indexEntry)) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::trim)
                        .filter(line -> !line.isEmpty()).forEach(listed::add);
            }
        }
        for (String className : annotated) {
            if (!listed.contains(className)) {
                problems.add(className + " has @" + annotation.getName() + " but " + index + " does not list it"
                        + " (was the devsim-symbol-index processor on the compile class path?)");
            }
        }
        for (String className : listed) {
            if (!annotated.contains(className)) {
                problems.add(index + " names " + className + ", which is not an annotated class of the plugin jar");
            }
        }
        return problems;
    }

    /**
     * The plugin jar has its description (root index.jelly), and every class view (config.jelly, help files,
     * badge.jelly, ...) sits in the directory of a class of the jar, where Stapler looks for it.
     */
    public List<String> viewProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> entries = pluginJarEntries();
        if (!entries.contains("index.jelly")) {
            problems.add("the plugin jar has no root index.jelly (the plugin description; maven-hpi-plugin requires it)");
        }
        for (String entry : entries) {
            int slash = entry.lastIndexOf('/');
            if (slash < 0 || !CLASS_VIEW.matcher(entry.substring(slash + 1)).matches()) {
                continue;
            }
            String directory = entry.substring(0, slash);
            if (classOfDirectory(directory, entries).isEmpty()) {
                problems.add(entry + " is not in the directory of any class in the plugin jar, so Stapler never finds it");
            }
        }
        return problems;
    }

    /**
     * The class whose view directory is {@code directory}: Stapler turns both '.' and '$' into '/', so
     * {@code a/b/C/D} may be {@code a.b.C.D}, {@code a.b.C$D} or {@code a.b$C$D}.
     */
    static Optional<String> classOfDirectory(String directory, Set<String> entries) {
        String[] segments = directory.split("/");
        for (int packageSegments = segments.length - 1; packageSegments >= 0; packageSegments--) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    path.append(i <= packageSegments ? '/' : '$');
                }
                path.append(segments[i]);
            }
            String classFile = path + ".class";
            if (entries.contains(classFile)) {
                return Optional.of(classFile);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            hpi.close();
            if (pluginJar != null) {
                pluginJar.close();
            }
        } finally {
            if (pluginJarCopy != null) {
                Files.deleteIfExists(pluginJarCopy);
            }
        }
    }
}
