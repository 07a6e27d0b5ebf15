package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.views.chart.Chart;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The plugin's views as packaged (read from the classpath, where the build puts jelly-views/chaos): escaped by
 * default, well-formed, a help page for every step field, and every expression naming a property the view
 * model really has, so that a typo shows here rather than as an empty cell in Jenkins.
 */
class ChaosViewsTest {
    private static final Path VIEWS = Path.of("../jelly-views/chaos");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)");

    @Test
    void shouldEscapeByDefaultAndBeWellFormed() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(VIEWS)) {
            files = walk.filter(f -> f.toString().endsWith(".jelly") || f.toString().endsWith(".html")).toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.toString().endsWith(".jelly")) {
                assertThat(text).as(f.toString()).startsWith("<?jelly escape-by-default='true'?>");
            }
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setNamespaceAware(true);
            xml.newDocumentBuilder().parse(f.toFile()); // throws on a malformed view
        }
    }

    @Test
    void shouldHaveAHelpPageAndAConfigEntryForEveryStepField() throws Exception {
        String config = resource(ChaosExperimentStep.class, "config.jelly");
        List<String> fields = Arrays.stream(ChaosExperimentStep.class.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .map(m -> Introspector.decapitalize(m.getName().substring(3))).toList();

        assertThat(fields).contains("backend", "namespace", "kubeContext", "serverUrl", "credentialsId", "teamId",
                "canaryLabels", "appLabels");
        for (String field : fields) {
            assertThat(ChaosExperimentStep.class.getResource("ChaosExperimentStep/help-" + field + ".html"))
                    .as("help-%s.html", field).isNotNull();
            assertThat(config).as("config.jelly binds %s", field).contains("field=\"" + field + "\"");
        }
    }

    @Test
    void shouldNameOnlyPropertiesTheActionAndItsViewModelHave() throws Exception {
        Map<String, Class<?>> vars = Map.of("it", ChaosRunAction.class, "m", ChaosRunViewModel.class,
                "p", ChaosRunViewModel.ProbeView.class, "pt", ChaosRunViewModel.PointView.class, "e", ChaosRunViewModel.EventView.class,
                "chart", Chart.class);
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (String view : List.of("summary.jelly", "index.jelly")) {
            Matcher m = PROPERTY.matcher(resource(ChaosRunAction.class, view));
            while (m.find()) {
                Class<?> type = vars.get(m.group(1));
                checked++;
                if (type == null || !hasProperty(type, m.group(2))) {
                    unknown.add(view + ": ${" + m.group(1) + "." + m.group(2) + "}");
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(unknown).isEmpty();
    }

    private static boolean hasProperty(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && (method.getName().equals("get" + cap) || method.getName().equals(name)
                    || method.getName().equals("is" + cap) && (method.getReturnType() == boolean.class))) {
                return true;
            }
        }
        return false;
    }

    private static String resource(Class<?> owner, String view) throws IOException {
        try (InputStream in = owner.getResourceAsStream(owner.getSimpleName() + "/" + view)) {
            assertThat(in).as("%s/%s on the classpath", owner.getSimpleName(), view).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
