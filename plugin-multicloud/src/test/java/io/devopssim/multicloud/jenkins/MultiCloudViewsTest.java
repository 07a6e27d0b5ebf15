package io.devopssim.multicloud.jenkins;

import io.devopssim.multicloud.WaveSummary;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's views as packaged (read from the classpath, where the build puts jelly-views/multicloud): escaped
 * by default, well-formed, a config entry and a help page for every bound field, and every expression of the
 * summary naming a member its object really has, so a typo shows here rather than as an empty cell in Jenkins.
 */
class MultiCloudViewsTest {
    private static final Path VIEWS = Path.of("../jelly-views/multicloud");
    /** {@code ${it.summary}} (a bean property) or {@code ${r.cluster()}} (a record accessor). */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)(\\(\\))?");

    @Test
    void shouldEscapeByDefaultAndBeWellFormed() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(VIEWS)) {
            files = walk.filter(f -> f.toString().endsWith(".jelly") || f.toString().endsWith(".html")).toList();
        }
        assertThat(files).hasSizeGreaterThan(25);
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
    void shouldBindAndExplainEveryFieldOfTheStepsAndOfACluster() throws Exception {
        for (Class<?> type : List.of(MultiCloudRolloutStep.class, ClusterStatusStep.class, ClusterConfig.class)) {
            String config = resource(type, "config.jelly");
            List<String> fields = new ArrayList<>(Arrays.stream(type.getMethods())
                    .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                    .map(m -> Introspector.decapitalize(m.getName().substring(3))).toList());
            if (type == ClusterConfig.class) {
                fields.add("name"); // the constructor's
            }
            assertThat(fields).isNotEmpty();
            for (String field : fields) {
                assertThat(type.getResource(type.getSimpleName() + "/help-" + field + ".html")).as("%s help-%s.html",
                        type.getSimpleName(), field).isNotNull();
                assertThat(config).as("%s config.jelly binds %s", type.getSimpleName(), field).contains("field=\"" + field + "\"");
            }
            assertThat(type.getResource(type.getSimpleName() + "/help.html")).isNotNull();
        }
        assertThat(resource(MultiCloudConfiguration.class, "config.jelly")).contains("field=\"clusters\"");
        assertThat(MultiCloudConfiguration.class.getResource("MultiCloudConfiguration/help-clusters.html")).isNotNull();
    }

    @Test
    void shouldNameOnlyMembersTheSummaryHas() throws Exception {
        assertThat(unknownMembers(resource(WaveSummaryAction.class, "summary.jelly"),
                Map.of("it", WaveSummaryAction.class, "s", WaveSummary.class, "r", WaveSummary.Row.class), 12)).isEmpty();
    }

    @Test
    void shouldShowApproveAndAbortOnlyWhileAPlanWaitsAndPostThem() throws Exception {
        String view = resource(WaveApprovalAction.class, "summary.jelly");
        assertThat(unknownMembers(view, Map.of("it", WaveApprovalAction.class, "p", WaveApprovalAction.Awaiting.class), 8))
                .isEmpty();
        assertThat(view).contains("<j:if test=\"${!awaiting.isEmpty()}\">")
                .contains("${it.urlName}/approve?planId=${p.planId()}\" post=\"true\"")
                .contains("${it.urlName}/abort?planId=${p.planId()}\" post=\"true\"");
    }

    /** Every {@code ${var.member}} of {@code view} whose object has no such member; at least {@code min} checked. */
    private static List<String> unknownMembers(String view, Map<String, Class<?>> vars, int min) {
        List<String> unknown = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(view);
        int checked = 0;
        while (m.find()) {
            checked++;
            Class<?> type = vars.get(m.group(1));
            boolean call = m.group(3) != null;
            if (type == null || !(call ? hasMethod(type, m.group(2)) : hasProperty(type, m.group(2)))) {
                unknown.add(m.group());
            }
        }
        assertThat(checked).isGreaterThan(min);
        return unknown;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(x -> x.getParameterCount() == 0 && x.getName().equals(name));
    }

    private static boolean hasProperty(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && (method.getName().equals("get" + cap)
                    || method.getName().equals("is" + cap) && method.getReturnType() == boolean.class)) {
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
