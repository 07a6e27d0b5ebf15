package io.devopssim.symbolindex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the index structs' {@code SymbolLookup} reads to find {@code @Symbol} classes:
 * {@code META-INF/services/annotations/org.jenkinsci.Symbol}, UTF-8, one binary class name a line, as
 * annotation-indexer's processor does (shared/jenkins-api/PLUGIN-FORMAT.md section 4). That processor is on
 * Maven Central only in a 2012 version that fails javac on JDK 17, hence this one.
 *
 * <p>When the output directory already holds an index (an incremental compilation), its entries are kept if
 * their class still exists and still carries {@code @Symbol}, so classes not recompiled stay listed. Nothing is
 * written when there is neither an annotated class nor an earlier index. The annotation is matched by name, so
 * this module needs no Jenkins type; the processor does not claim it, so other processors (sezpoz) still run.
 */
@SupportedAnnotationTypes(SymbolIndexProcessor.SYMBOL)
public final class SymbolIndexProcessor extends AbstractProcessor {

    static final String SYMBOL = "org.jenkinsci.Symbol";
    static final String INDEX = "META-INF/services/annotations/" + SYMBOL;

    private final Set<String> annotated = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Elements elements = processingEnv.getElementUtils();
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    annotated.add(elements.getBinaryName(type).toString());
                }
            }
        }
        if (round.processingOver()) {
            writeIndex();
        }
        return false;
    }

    private void writeIndex() {
        Set<String> entries = new TreeSet<>(annotated);
        boolean hadIndex = keepStillAnnotated(readExisting(), entries);
        if (entries.isEmpty() && !hadIndex) {
            return;
        }
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (Writer out = file.openWriter()) {
                for (String name : entries) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
        }
    }

    /** The entries of an index left by an earlier compilation; null if there is none. */
    private Set<String> readExisting() {
        FileObject file;
        try {
            file = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        Set<String> names = new TreeSet<>();
        try (Reader reader = file.openReader(true); BufferedReader lines = new BufferedReader(reader)) {
            lines.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(names::add);
        } catch (IOException | UncheckedIOException e) {
            // NoSuchFileException or FileNotFoundException, by JDK: a clean build has no earlier index
            return null;
        }
        return names;
    }

    private boolean keepStillAnnotated(Set<String> existing, Set<String> entries) {
        if (existing == null) {
            return false;
        }
        Elements elements = processingEnv.getElementUtils();
        for (String name : existing) {
            TypeElement type = elements.getTypeElement(name.replace('$', '.'));
            if (type != null && elements.getBinaryName(type).contentEquals(name) && hasSymbol(type)) {
                entries.add(name);
            }
        }
        return true;
    }

    private static boolean hasSymbol(TypeElement type) {
        return type.getAnnotationMirrors().stream()
                .anyMatch(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(SYMBOL));
    }
}
