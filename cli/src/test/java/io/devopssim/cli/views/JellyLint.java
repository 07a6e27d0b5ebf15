package io.devopssim.cli.views;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.DocumentBuilderFactory;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks jelly-views against the plugins' classes, and reports every problem at once, each with its file:
 * <ul>
 * <li>every {@code .jelly} file is well-formed XML (namespace prefixes bound) and starts with
 *     {@code <?jelly escape-by-default='true'?>};</li>
 * <li>every file of a plugin's views folder sits in the directory of a class (the class name with '.' and '$'
 *     turned into '/', shared/jenkins-api/PLUGIN-FORMAT.md section 5), or is the plugin's root {@code index.jelly},
 *     and (with packaging checked) is packaged in the same jar or class folder as that class;</li>
 * <li>every {@code field="x"} of a {@code config.jelly} is a data-bound property of its class (a
 *     {@code @DataBoundConstructor} parameter or a {@code @DataBoundSetter}), and every data-bound property of a
 *     class with a {@code config.jelly} has an entry in it and a {@code help-x.html}; no help file documents a
 *     property that does not exist;</li>
 * <li>every Pipeline step has {@code config.jelly} and {@code help.html}; every other class with a
 *     {@code @DataBoundConstructor}, and every {@code GlobalConfiguration}, has a {@code config.jelly}; every
 *     {@code BuildBadgeAction} has a {@code badge.jelly} (without one, Jenkins' build history breaks);</li>
 * <li>a tag library folder (a folder of {@code .jelly} tags under {@code lib/}) has its {@code taglib} file.</li>
 * </ul>
 * Jenkins types and annotations are recognised by name, so the lint needs no Jenkins class of its own.
 */
final class JellyLint {
    static final String ESCAPE_BY_DEFAULT = "<?jelly escape-by-default='true'?>";
    private static final String STEP = "org.jenkinsci.plugins.workflow.steps.Step";
    private static final String GLOBAL_CONFIGURATION = "jenkins.model.GlobalConfiguration";
    private static final String BUILD_BADGE_ACTION = "hudson.model.BuildBadgeAction";
    private static final String DATA_BOUND_CONSTRUCTOR = "org.kohsuke.stapler.DataBoundConstructor";
    private static final String DATA_BOUND_SETTER = "org.kohsuke.stapler.DataBoundSetter";
    private static final Set<String> NOT_VIEWS = Set.of("src", "target");
    private static final Pattern HELP = Pattern.compile("help-(.+?)(_[a-z]{2}(_[A-Z]{2})?)?\\.(html|jelly)");

    /** The views of one class, in one plugin's views folder. */
    private record ClassViews(Path root, Path dir, Class<?> type, Set<String> files) {
    }

    private final Path base;
    private final Path viewsDir;
    private final ClassLoader loader;
    private final List<Class<?>> bindings;
    private final boolean checkPackaging;
    private final List<String> problems = new ArrayList<>();
    private final Map<Class<?>, ClassViews> views = new LinkedHashMap<>();

    /**
     * @param base           paths in problems are relative to it (the repository)
     * @param viewsDir       the jelly-views folder: one views folder per plugin, and {@code src/main/resources}
     * @param loader         loads the classes the views belong to
     * @param bindings       the classes that must have views (Jenkins bindings)
     * @param checkPackaging whether each view must be packaged with its class (needs the plugins built)
     */
    JellyLint(Path base, Path viewsDir, ClassLoader loader, List<Class<?>> bindings, boolean checkPackaging) {
        this.base = base.toAbsolutePath().normalize();
        this.viewsDir = viewsDir.toAbsolutePath().normalize();
        this.loader = loader;
        this.bindings = List.copyOf(bindings);
        this.checkPackaging = checkPackaging;
    }

    /** Every problem found, one line each, starting with the file it is about. */
    List<String> problems() throws IOException {
        problems.clear();
        views.clear();
        for (Path file : files(viewsDir)) {
            if (file.getFileName().toString().endsWith(".jelly")) {
                checkJelly(file);
            }
        }
        Path shared = viewsDir.resolve("src/main/resources");
        if (Files.isDirectory(shared)) {
            checkTagLibraries(shared.resolve("lib"));
        }
        for (Path root : pluginRoots()) {
            mapToClasses(root);
        }
        for (ClassViews v : views.values()) {
            checkFields(v);
            if (checkPackaging) {
                checkPackaged(v);
            }
        }
        for (Class<?> type : bindings) {
            checkRequiredViews(type);
        }
        return List.copyOf(problems);
    }

    private List<Path> pluginRoots() throws IOException {
        try (Stream<Path> s = Files.list(viewsDir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !NOT_VIEWS.contains(p.getFileName().toString()) && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !viewsDir.relativize(p).startsWith("target")).sorted().toList();
        }
    }

    private void problem(Path file, String message) {
        problems.add(base.relativize(file.toAbsolutePath().normalize()) + ": " + message);
    }

    private void checkJelly(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith(ESCAPE_BY_DEFAULT) && !text.startsWith("<?jelly escape-by-default=\"true\"?>")) {
            problem(file, "does not start with " + ESCAPE_BY_DEFAULT + " (expressions would not be HTML-escaped)");
        }
        parse(file);
    }

    private Optional<Document> parse(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return Optional.of(builder.parse(file.toFile()));
        } catch (SAXParseException e) {
            problem(file, "is not well-formed XML: line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (Exception e) {
            problem(file, "cannot be parsed: " + e);
        }
        return Optional.empty();
    }

    private void checkTagLibraries(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return;
        }
        Set<Path> tagDirs = new TreeSet<>();
        for (Path f : files(lib)) {
            if (f.getFileName().toString().endsWith(".jelly")) {
                tagDirs.add(f.getParent());
            }
        }
        for (Path dir : tagDirs) {
            if (!Files.isRegularFile(dir.resolve("taglib"))) {
                problem(dir.resolve("taglib"), "missing: Stapler treats a namespace as a tag library only when this file exists");
            }
        }
    }

    private void mapToClasses(Path root) throws IOException {
        if (!Files.isRegularFile(root.resolve("index.jelly"))) {
            problem(root.resolve("index.jelly"), "missing: the plugin's description (Jenkins shows it; maven-hpi-plugin requires it)");
        }
        Map<Path, List<Path>> byDir = new LinkedHashMap<>();
        for (Path file : files(root)) {
            byDir.computeIfAbsent(file.getParent(), d -> new ArrayList<>()).add(file);
        }
        for (Map.Entry<Path, List<Path>> e : byDir.entrySet()) {
            Path dir = e.getKey();
            if (dir.equals(root)) {
                for (Path f : e.getValue()) {
                    String name = f.getFileName().toString();
                    if (!name.equals("index.jelly") && !name.matches("index(_[A-Za-z_]+)?\\.properties")) {
                        problem(f, "is at the root of the views folder, where only the plugin's index.jelly belongs");
                    }
                }
                continue;
            }
            String relative = root.relativize(dir).toString().replace('\\', '/');
            Optional<Class<?>> type = classOf(relative);
            if (type.isEmpty()) {
                for (Path f : e.getValue()) {
                    problem(f, "is not in the directory of any class (" + relative.replace('/', '.') + ", with '$' for nested"
                            + " classes, was not found; is its plugin module a dependency of cli?)");
                }
                continue;
            }
            Set<String> names = new TreeSet<>();
            e.getValue().forEach(f -> names.add(f.getFileName().toString()));
            views.put(type.get(), new ClassViews(root, dir, type.get(), names));
        }
    }

    /** Stapler turns both '.' and '$' into '/': {@code a/b/C/D} may be {@code a.b.C.D}, {@code a.b.C$D} or {@code a.b$C$D}. */
    private Optional<Class<?>> classOf(String directory) {
        String[] segments = directory.split("/");
        for (int packageSegments = segments.length - 1; packageSegments >= 0; packageSegments--) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    name.append(i <= packageSegments ? '.' : '$');
                }
                name.append(segments[i]);
            }
            try {
                return Optional.of(Class.forName(name.toString(), false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next split between package and nested classes
            }
        }
        return Optional.empty();
    }

    private void checkFields(ClassViews v) {
        Set<String> bound = boundProperties(v.type(), v.dir().resolve("config.jelly"));
        Set<String> entries = new LinkedHashSet<>();
        if (v.files().contains("config.jelly")) {
            Path config = v.dir().resolve("config.jelly");
            parse(config).ifPresent(d -> {
                NodeList all = d.getElementsByTagNameNS("*", "*");
                for (int i = 0; i < all.getLength(); i++) {
                    Element el = (Element) all.item(i);
                    if (el.hasAttribute("field")) {
                        entries.add(el.getAttribute("field"));
                    }
                }
            });
            for (String field : entries) {
                if (!bound.contains(field)) {
                    problem(config, "field=\"" + field + "\" is neither a @DataBoundConstructor parameter nor a @DataBoundSetter of "
                            + v.type().getName() + " (it has: " + String.join(", ", bound) + ")");
                }
            }
            for (String property : bound) {
                if (!entries.contains(property)) {
                    problem(config, "has no entry with field=\"" + property + "\", a data-bound property of " + v.type().getName());
                }
                if (!hasHelp(v.type(), "help-" + property)) {
                    problem(v.dir().resolve("help-" + property + ".html"), "missing: the help of " + v.type().getSimpleName()
                            + "'s data-bound property " + property);
                }
            }
        }
        if (!bound.isEmpty() || v.files().contains("config.jelly")) {
            for (String file : v.files()) {
                var m = HELP.matcher(file);
                if (m.matches() && !bound.contains(m.group(1))) {
                    problem(v.dir().resolve(file), "documents " + m.group(1) + ", which is not a data-bound property of "
                            + v.type().getName());
                }
            }
        }
    }

    /** Whether {@code type} or a superclass has {@code name}.html or {@code name}.jelly among its views. */
    private boolean hasHelp(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ClassViews v = views.get(c);
            if (v != null && (v.files().contains(name + ".html") || v.files().contains(name + ".jelly"))) {
                return true;
            }
        }
        return false;
    }

    /** The @DataBoundConstructor's parameter names and the @DataBoundSetter properties, superclasses included. */
    private Set<String> boundProperties(Class<?> type, Path about) {
        Set<String> bound = new LinkedHashSet<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (annotated(c, DATA_BOUND_CONSTRUCTOR)) {
                for (Parameter p : c.getParameters()) {
                    if (!p.isNamePresent()) {
                        problem(about, type.getName() + " was compiled without -parameters: Stapler cannot bind its constructor");
                        break;
                    }
                    bound.add(p.getName());
                }
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (annotated(m, DATA_BOUND_SETTER) && m.getName().startsWith("set") && m.getName().length() > 3) {
                    bound.add(Introspector.decapitalize(m.getName().substring(3)));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (annotated(f, DATA_BOUND_SETTER)) {
                    bound.add(f.getName());
                }
            }
        }
        return bound;
    }

    private void checkRequiredViews(Class<?> type) throws IOException {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
            return;
        }
        List<String> needed = new ArrayList<>();
        String why;
        if (isA(type, STEP)) {
            needed.add("config.jelly");
            needed.add("help.html");
            why = "every Pipeline step needs it";
        } else if (isA(type, GLOBAL_CONFIGURATION)) {
            needed.add("config.jelly");
            why = "a global configuration's section is its config.jelly";
        } else if (Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> annotated(c, DATA_BOUND_CONSTRUCTOR))) {
            needed.add("config.jelly");
            why = "a class with a @DataBoundConstructor is configured through it";
        } else {
            why = "";
        }
        if (isA(type, BUILD_BADGE_ACTION)) {
            needed.add("badge.jelly");
            why = why.isEmpty() ? "Jenkins' build history includes it for every badge action, and breaks without it" : why;
        }
        ClassViews v = views.get(type);
        for (String file : needed) {
            boolean present = file.equals("help.html") ? hasHelp(type, "help")
                    : v != null && v.files().contains(file) || inheritedView(type, file);
            if (!present) {
                problem(expectedDir(type).resolve(file), "missing for " + type.getName() + ": " + why);
            }
        }
    }

    private boolean inheritedView(Class<?> type, String file) {
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            ClassViews v = views.get(c);
            if (v != null && v.files().contains(file)) {
                return true;
            }
        }
        return false;
    }

    /** The directory the class's views belong in: in the views folder of its plugin (found by its index.jelly). */
    private Path expectedDir(Class<?> type) throws IOException {
        String relative = type.getName().replace('.', '/').replace('$', '/');
        ClassViews v = views.get(type);
        if (v != null) {
            return v.dir();
        }
        Optional<Path> location = location(type);
        for (Path root : pluginRoots()) {
            Path index = root.resolve("index.jelly");
            if (location.isPresent() && Files.isRegularFile(index)
                    && Arrays.equals(Files.readAllBytes(index), read(location.get(), "index.jelly").orElse(null))) {
                return root.resolve(relative);
            }
        }
        return viewsDir.resolve("<plugin folder>").resolve(relative);
    }

    private void checkPackaged(ClassViews v) throws IOException {
        Optional<Path> location = location(v.type());
        if (location.isEmpty()) {
            return;
        }
        String relative = v.root().relativize(v.dir()).toString().replace('\\', '/');
        for (String file : v.files()) {
            if (read(location.get(), relative + "/" + file).isEmpty()) {
                problem(v.dir().resolve(file), "is not packaged with " + v.type().getName() + " (in " + location.get().getFileName()
                        + "): it is in the views folder of another plugin, or that plugin was not rebuilt");
            }
        }
    }

    private Optional<byte[]> read(Path location, String entry) throws IOException {
        if (Files.isDirectory(location)) {
            Path f = location.resolve(entry);
            return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            var e = jar.getEntry(entry);
            if (e == null) {
                return Optional.empty();
            }
            try (var in = jar.getInputStream(e)) {
                return Optional.of(in.readAllBytes());
            }
        }
    }

    private static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean annotated(AnnotatedElement element, String annotation) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Class<?> type, String name) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(name)) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (isA(i, name)) {
                return true;
            }
        }
        return isA(type.getSuperclass(), name);
    }
}
