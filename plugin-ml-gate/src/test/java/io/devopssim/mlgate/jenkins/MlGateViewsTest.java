package io.devopssim.mlgate.jenkins;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views of this plugin's steps and actions (jelly-views/ml-gate, on the class path as in the .hpi): each
 * step's config.jelly binds with field= only fields the step has a @DataBoundSetter for, every field has its
 * help-<field>.html, and every Jelly view escapes by default.
 */
class MlGateViewsTest {
    private static final String ESCAPE = "<?jelly escape-by-default='true'?>";

    @ParameterizedTest
    @ValueSource(classes = {DeploymentGateStep.class, TrainDeploymentGateStep.class})
    void eachStepBindsItsFieldsAndHelpsWithEach(Class<? extends Step> step) throws Exception {
        String dir = step.getName().replace('.', '/') + "/";
        List<String> fields = fields(read(dir + "config.jelly"));
        List<String> setters = Arrays.stream(step.getMethods()).filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .map(Method::getName).map(n -> Character.toLowerCase(n.charAt(3)) + n.substring(4)).toList();

        assertThat(fields).as("config.jelly fields of " + step.getSimpleName()).containsExactlyInAnyOrderElementsOf(setters);
        assertThat(resource(dir + "help.html")).isNotNull();
        for (String field : fields) {
            assertThat(resource(dir + "help-" + field + ".html")).as("help-" + field + ".html").isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "index.jelly",
            "io/devopssim/mlgate/jenkins/DeploymentGateStep/config.jelly",
            "io/devopssim/mlgate/jenkins/TrainDeploymentGateStep/config.jelly",
            "io/devopssim/mlgate/jenkins/GateBadgeAction/badge.jelly",
            "io/devopssim/mlgate/jenkins/GateSummaryAction/summary.jelly"})
    void everyViewEscapesByDefaultAndIsWellFormed(String view) throws Exception {
        String text = read(view);

        assertThat(text).startsWith(ESCAPE);
        if (!view.equals("index.jelly")) {
            parse(text); // throws on XML that Jelly could not read either
        }
    }

    private static List<String> fields(String jelly) throws Exception {
        NodeList all = parse(jelly).getElementsByTagName("*");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.hasAttribute("name")).as("bind with field=, not name=: " + e.getTagName()).isFalse();
            if (e.hasAttribute("field")) {
                fields.add(e.getAttribute("field"));
            }
        }
        return fields;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static URL resource(String path) {
        return MlGateViewsTest.class.getClassLoader().getResource(path);
    }

    private static String read(String path) throws Exception {
        URL url = resource(path);
        assertThat(url).as(path.toLowerCase(Locale.ROOT)).isNotNull();
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
