package io.devopssim.jenkinsapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the compiled stubs: every class file under jenkins-api's build output (target/classes). */
final class StubClasses {

    private StubClasses() {
    }

    /**
     * The class-path directory that holds {@code resource}. Found through the class path rather than the
     * working directory, so the test works from Maven and from an IDE alike.
     */
    static Path outputDirectoryOf(String resource) {
        URL url = StubClasses.class.getClassLoader().getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException(resource + " is not in a class-path directory (found " + url
                    + "); run the test from the jenkins-api module after compiling it");
        }
        try {
            Path file = Path.of(url.toURI());
            int depth = resource.split("/").length;
            Path root = file;
            for (int i = 0; i < depth; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads (without initializing) every named class under {@code root}; anonymous and local classes are not API. */
    static List<Class<?>> load(Path root, ClassLoader loader) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .sorted()
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .map(name -> forName(name, loader))
                    .filter(c -> !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> forName(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load compiled stub " + name, e);
        }
    }
}
