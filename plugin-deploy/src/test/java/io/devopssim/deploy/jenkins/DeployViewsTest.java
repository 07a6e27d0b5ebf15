package io.devopssim.deploy.jenkins;

import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy plugin's views: well-formed, escaping by default, and for each step every {@code field=} a
 * setter of the step, every setter a field of the form, each with its help file.
 */
class DeployViewsTest {
    /** The views as the plugin jar has them (jelly-views/deploy is a resource root of this module). */
    private static final Path VIEWS = views();
    private static final List<Class<?>> STEPS = List.of(CanaryRolloutStep.class, BlueGreenRolloutStep.class,
            RollingUpdateStep.class, PromoteReleaseStep.class, RollbackReleaseStep.class, WaitForArgoCdStep.class);

    @Test
    void everyViewIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> views;
        try (Stream<Path> files = Files.walk(VIEWS)) {
            views = files.filter(f -> f.toString().endsWith(".jelly")).toList();
        }
        assertThat(views).hasSizeGreaterThanOrEqualTo(9);
        for (Path view : views) {
            assertThat(Files.readString(view)).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
            parse(view);
        }
    }

    @Test
    void everyStepFieldIsBoundHelpedAndSettable() throws Exception {
        for (Class<?> step : STEPS) {
            Path own = VIEWS.resolve(step.getSimpleName());
            Set<String> bound = new TreeSet<>();
            NodeList entries = parse(found(step, "config.jelly")).getElementsByTagNameNS("/lib/form", "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                bound.add(((Element) entries.item(i)).getAttribute("field"));
            }
            Set<String> setters = new TreeSet<>();
            for (Method m : step.getMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class)) {
                    setters.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
                }
            }
            assertThat(bound).as(step.getSimpleName() + " config.jelly fields").isEqualTo(setters);
            List<String> missingHelp = new ArrayList<>();
            for (String field : setters) {
                if (found(step, "help-" + field + ".html") == null) {
                    missingHelp.add(field);
                }
            }
            assertThat(missingHelp).as(step.getSimpleName() + " fields without help").isEmpty();
            assertThat(own.resolve("help.html")).as("each step has its own help").exists();
        }
    }

    /** Where Stapler finds a view of {@code type}: its own folder, else its superclasses' (null when none has it). */
    private static Path found(Class<?> type, String view) {
        for (Class<?> c = type; c != null && c.getPackageName().equals(DeployViewsTest.class.getPackageName()); c = c.getSuperclass()) {
            Path p = VIEWS.resolve(c.getSimpleName()).resolve(view);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path views() {
        try {
            return Path.of(DeployViewsTest.class.getResource("RolloutStep/config.jelly").toURI()).getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.w3c.dom.Document parse(Path view) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(view.toFile());
    }
}
