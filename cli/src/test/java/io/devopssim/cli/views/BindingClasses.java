package io.devopssim.cli.views;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Jenkins binding classes on a class path: every named class of an {@code io.devopssim.<plugin>.jenkins}
 * package (DESIGN.md: only these may use Jenkins), found in jars and class directories alike.
 */
final class BindingClasses {
    private static final Pattern BINDING = Pattern.compile("io/devopssim/[^/]+/jenkins/(?:[^/]+/)*[^/$]+(\\$[^/]+)?\\.class");
    private static final Pattern ANONYMOUS = Pattern.compile(".*\\$[0-9].*");

    private BindingClasses() {
    }

    static List<Class<?>> in(ClassLoader loader) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> roots = loader.getResources("io/devopssim");
        while (roots.hasMoreElements()) {
            URL url = roots.nextElement();
            if (url.getProtocol().equals("jar")) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = new JarFile(Path.of(toUri(c.getJarFileURL())).toFile())) {
                    jar.stream().map(e -> e.getName()).filter(BindingClasses::isBinding).forEach(names::add);
                }
            } else if (url.getProtocol().equals("file")) {
                Path dir = Path.of(toUri(url));
                Path classRoot = dir.getParent().getParent();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.map(p -> classRoot.relativize(p).toString().replace('\\', '/')).filter(BindingClasses::isBinding)
                            .forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            String binary = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try {
                classes.add(Class.forName(binary, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(binary + " is on the class path but cannot be loaded: " + e, e);
            }
        }
        return classes;
    }

    private static boolean isBinding(String path) {
        return BINDING.matcher(path).matches() && !ANONYMOUS.matcher(path).matches();
    }

    private static java.net.URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + " is not a URI", e);
        }
    }
}
