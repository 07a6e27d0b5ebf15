package io.devopssim.core.gitops;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.devopssim.core.gitops.ValueLocator.HelmValue;
import io.devopssim.core.gitops.ValueLocator.KustomizeImage;
import io.devopssim.core.gitops.ValueLocator.YamlPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-world manifest shapes from {@code src/test/resources/manifests/}. For each case the expected text is
 * built independently of the editor (the old value's exact bytes replaced on a known line, or one line
 * inserted), then the result is parsed with Jackson: only the one value differs in the tree.
 */
class ManifestEditorCorpusTest {
    private static final YAMLMapper JACKSON = new YAMLMapper();

    private final ManifestEditor editor = new ManifestEditor();

    /**
     * @param line      1-based line that holds the value (for an insertion: the line after which it goes)
     * @param oldToken  the value's exact bytes on that line, quotes included (unused for an insertion)
     * @param newToken  what must replace them (for an insertion: the whole new line, without line break)
     * @param doc       the document (0-based) and {@code pointer} the value in Jackson's tree
     */
    record Case(String file, ValueLocator locator, String oldValue, String newValue, int line, String oldToken,
                String newToken, boolean insert, int doc, String pointer) {
        @Override
        public String toString() {
            return file + " " + locator.describe() + " -> " + newValue;
        }
    }

    static Case replace(String file, ValueLocator locator, int line, String oldToken, String newToken,
                        String oldValue, String newValue, int doc, String pointer) {
        return new Case(file, locator, oldValue, newValue, line, oldToken, newToken, false, doc, pointer);
    }

    static Case replace(String file, ValueLocator locator, int line, String oldToken, String newToken, String pointer) {
        return replace(file, locator, line, oldToken, newToken, unquote(oldToken), unquote(newToken), 0, pointer);
    }

    static Case insert(String file, String image, int afterLine, String newLine, String newValue, String pointer) {
        return new Case(file, new KustomizeImage(image), null, newValue, afterLine, null, newLine, true, 0, pointer);
    }

    static Stream<Case> corpus() {
        return Stream.of(
                replace("deployment.yaml", new YamlPath("spec.template.spec.containers[0].image"), 27,
                        "registry.example.com/shop/checkout:1.4.2", "registry.example.com/shop/checkout:1.5.0",
                        "/spec/template/spec/containers/0/image"),
                replace("deployment.yaml", new YamlPath("spec.template.spec.containers[name=envoy].image"), 35,
                        "envoyproxy/envoy:v1.31.2", "envoyproxy/envoy:v1.32.0", "/spec/template/spec/containers/1/image"),
                replace("deployment.yaml", new YamlPath("metadata.annotations[\"argocd.argoproj.io/sync-wave\"]"), 12,
                        "\"2\"", "\"3\"", "/metadata/annotations/argocd.argoproj.io~1sync-wave"),
                replace("deployment.yaml", new YamlPath("spec.replicas"), 14, "3", "5", "/spec/replicas"),
                replace("deployment-crlf.yaml", new YamlPath("spec.template.spec.containers[0].image"), 27,
                        "registry.example.com/shop/checkout:1.4.2", "registry.example.com/shop/checkout:1.5.0",
                        "/spec/template/spec/containers/0/image"),
                replace("deployment-crlf.yaml", new YamlPath("spec.replicas"), 14, "3", "5", "/spec/replicas"),
                replace("multi-doc.yaml", new YamlPath("[kind=Deployment].spec.replicas"), 8, "2", "4",
                        "2", "4", 0, "/spec/replicas"),
                replace("multi-doc.yaml", new YamlPath("spec.template.spec.containers[0].image"), 13,
                        "\"registry.example.com/shop/checkout:1.4.2\"", "\"registry.example.com/shop/checkout:1.5.0\"",
                        "registry.example.com/shop/checkout:1.4.2", "registry.example.com/shop/checkout:1.5.0", 0,
                        "/spec/template/spec/containers/0/image"),
                replace("multi-doc.yaml", new YamlPath("[kind=ConfigMap].data.FEATURE_FLAGS"), 29,
                        "'fast-checkout,new-cart'", "'fast-checkout'", "fast-checkout,new-cart", "fast-checkout", 2,
                        "/data/FEATURE_FLAGS"),
                replace("values.yaml", new HelmValue("image.tag"), 10, "\"1.4.2\"", "\"1.5.0\"", "/image/tag"),
                replace("values.yaml", new HelmValue("replicaCount"), 4, "2", "3", "/replicaCount"),
                replace("values.yaml", new HelmValue("podAnnotations.prometheus\\.io/port"), 28, "'9090'", "'9091'",
                        "/podAnnotations/prometheus.io~1port"),
                replace("values-float-trap.yaml", new HelmValue("image.tag"), 3, "v1.9", "\"1.10\"", "v1.9", "1.10", 0,
                        "/image/tag"),
                replace("values-float-trap.yaml", new YamlPath("version"), 4, "1.9.0", "\"2.0\"", "1.9.0", "2.0", 0,
                        "/version"),
                replace("values-float-trap.yaml", new YamlPath("chartVersion"), 5, "1.10", "1.11", "/chartVersion"),
                replace("kustomization.yaml", new KustomizeImage("checkout"), 13, "1.4.2", "1.5.0", "/images/0/newTag"),
                replace("kustomization.yaml", new KustomizeImage("envoyproxy/envoy"), 15, "\"v1.31.2\"", "\"v1.32.0\"",
                        "/images/1/newTag"),
                insert("kustomization.yaml", "redis", 17, "    newTag: 7.4.1", "7.4.1", "/images/2/newTag"),
                insert("kustomization.yaml", "nginx", 19, "    newTag: \"1.27\"", "1.27", "/images/3/newTag"),
                insert("kustomization.yaml", "busybox", 20, "    newTag: 1.36.1", "1.36.1", "/images/4/newTag"),
                replace("kustomization-crlf-noeol.yaml", new KustomizeImage("checkout"), 5, "1.4.2", "1.5.0",
                        "/images/0/newTag"),
                insert("kustomization-crlf-noeol.yaml", "worker", 7, "  newTag: 2.0.1", "2.0.1", "/images/1/newTag"),
                replace("application.yaml", new YamlPath("spec.source.helm.parameters[name=image.tag].value"), 23,
                        "\"1.4.2\"", "\"1.5.0\"", "/spec/source/helm/parameters/0/value"),
                replace("application.yaml", new YamlPath("spec.source.helm.parameters[name=canary.weight].value"), 25,
                        "\"0\"", "\"20\"", "/spec/source/helm/parameters/1/value"),
                replace("application.yaml", new YamlPath("metadata.annotations[\"argocd.argoproj.io/sync-wave\"]"), 7,
                        "\"5\"", "\"6\"", "/metadata/annotations/argocd.argoproj.io~1sync-wave"),
                replace("rollout.yaml", new YamlPath("spec.strategy.canary.steps[0].setWeight"), 29, "20", "25",
                        "/spec/strategy/canary/steps/0/setWeight"),
                replace("rollout.yaml", new YamlPath("spec.strategy.canary.steps[1].pause.duration"), 30, "10m", "15m",
                        "/spec/strategy/canary/steps/1/pause/duration"),
                replace("rollout.yaml", new YamlPath("spec.template.spec.containers[name=checkout].image"), 18,
                        "registry.example.com/shop/checkout:1.4.2", "registry.example.com/shop/checkout:1.5.0",
                        "/spec/template/spec/containers/0/image"),
                replace("rollout.yaml", new YamlPath("spec.template.spec.containers[0].resources.requests.cpu"), 20,
                        "250m", "500m", "/spec/template/spec/containers/0/resources/requests/cpu"),
                replace("flow-style.yaml", new YamlPath("image.tag"), 2, "\"1.4.2\"", "\"1.5.0\"", "/image/tag"),
                replace("flow-style.yaml", new YamlPath("weights.canary"), 4, "20", "30", "/weights/canary"),
                replace("flow-style.yaml", new YamlPath("args[1]"), 3, "\"8080\"", "\"9090\"", "/args/1"),
                replace("flow-style.yaml", new YamlPath("args[2]"), 3, "--mode=canary", "\"--mode=blue,green\"", "/args/2"),
                replace("flow-style.yaml", new YamlPath("hosts[1]"), 5, "'checkout.internal'",
                        "'checkout.internal.example'", "/hosts/1"),
                replace("unicode-comments.yaml", new YamlPath("app.image"), 5, "\"registry.example.com/caisse:2.0.0\"",
                        "\"registry.example.com/caisse:2.1.0\"", "/app/image"),
                replace("unicode-comments.yaml", new YamlPath("app.replicas"), 6, "3", "4", "/app/replicas"),
                replace("unicode-comments.yaml", new YamlPath("app.greeting"), 7, "\"Grüß Gott 👋\"", "\"Servus 😀\"",
                        "/app/greeting"),
                replace("no-trailing-newline.yaml", new YamlPath("image.tag"), 4, "1.4.2", "1.5.0", "/image/tag"),
                replace("tabs-in-comments.yaml", new YamlPath("settings.tier"), 3, "gold", "platinum", "/settings/tier"),
                replace("tabs-in-comments.yaml", new YamlPath("settings.timeout"), 4, "30s", "45s", "/settings/timeout"),
                replace("long-lines.yaml", new YamlPath("metadata.annotations[\"deployment.kubernetes.io/revision\"]"), 4,
                        "\"12\"", "\"13\"", "/metadata/annotations/deployment.kubernetes.io~1revision"),
                replace("long-lines.yaml", new YamlPath("spec.template.spec.containers[0].image"), 11,
                        "registry.example.com/platform/team-payments/services/checkout/checkout-api-server:1.4.2",
                        "registry.example.com/platform/team-payments/services/checkout/checkout-api-server:1.5.0",
                        "/spec/template/spec/containers/0/image"),
                replace("long-lines.yaml", new YamlPath("spec.template.spec.containers[0].args[1]"), 10,
                        "\"--version=1.4.2\"", "\"--version=1.5.0\"", "/spec/template/spec/containers/0/args/1"),
                replace("env-list.yaml", new YamlPath("env[name=FEATURE_NEW_CART].value"), 5, "\"false\"", "\"true\"",
                        "/env/1/value"),
                replace("env-list.yaml", new YamlPath("env[name=LOG_LEVEL].value"), 3, "info", "\"yes\"", "info", "yes",
                        0, "/env/0/value"),
                replace("env-list.yaml", new YamlPath("env[name=REPLICA_HINT].value"), 7, "'3'", "'it''s 5'", "3",
                        "it's 5", 0, "/env/2/value"),
                replace("document-markers.yaml", new YamlPath("[key=value].tag"), 5, "1.4.2", "1.5.0", "1.4.2", "1.5.0",
                        0, "/tag"),
                replace("document-markers.yaml", new YamlPath("[second=doc].tag"), 9, "9.9.9", "10.0.0", "9.9.9",
                        "10.0.0", 1, "/tag"),
                replace("empty-values.yaml", new YamlPath("image.tag"), 3, "tag:", "tag: 1.5.0", "", "1.5.0", 0,
                        "/image/tag"),
                replace("empty-values.yaml", new YamlPath("image.digest"), 4, "~", "sha256:0a1b2c", "~", "sha256:0a1b2c",
                        0, "/image/digest"),
                replace("bom.yaml", new YamlPath("image.tag"), 3, "1.4.2", "1.5.0", "/image/tag"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldChangeOnlyTheValueBytes(Case c) throws Exception {
        String original = resource(c.file());

        String edited = editor.write(original, c.locator(), c.newValue());

        assertThat(edited).isEqualTo(expected(original, c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldChangeOnlyTheValueInTheParsedTree(Case c) throws Exception {
        String original = resource(c.file());

        String edited = editor.write(original, c.locator(), c.newValue());

        List<JsonNode> before = jackson(original);
        List<JsonNode> after = jackson(edited);
        JsonPointer pointer = JsonPointer.compile(c.pointer());
        assertThat(after.get(c.doc()).at(pointer).asText()).isEqualTo(c.newValue());
        List<JsonNode> expected = new ArrayList<>();
        for (JsonNode doc : before) {
            expected.add(doc.deepCopy());
        }
        JsonNode parent = expected.get(c.doc()).at(pointer.head());
        if (parent instanceof ObjectNode object) {
            object.set(pointer.last().getMatchingProperty(), after.get(c.doc()).at(pointer));
        } else {
            ((ArrayNode) parent).set(pointer.last().getMatchingIndex(), after.get(c.doc()).at(pointer));
        }
        assertThat(after).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldReadTheOldValueAndTheNewOne(Case c) throws Exception {
        String original = resource(c.file());

        assertThat(editor.read(original, c.locator())).isEqualTo(c.oldValue());
        assertThat(editor.read(editor.write(original, c.locator(), c.newValue()), c.locator())).isEqualTo(c.newValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldReturnIdenticalBytesWhenWritingTheOldValue(Case c) throws Exception {
        String original = resource(c.file());
        String edited = editor.write(original, c.locator(), c.newValue());

        if (c.insert()) {
            assertThat(editor.write(edited, c.locator(), c.newValue())).isSameAs(edited);
        } else {
            assertThat(editor.write(original, c.locator(), c.oldValue())).isEqualTo(original);
            if (quoting(c.oldToken()) == quoting(c.newToken()) && new ScalarRenderer().readsAsString(c.oldValue())) {
                // and back, when the new value kept the old one's style (1.10 had to be quoted; the quotes stay)
                assertThat(editor.write(edited, c.locator(), c.oldValue())).isEqualTo(original);
            }
        }
    }

    private static char quoting(String token) {
        return token.startsWith("\"") || token.startsWith("'") ? token.charAt(0) : 'p';
    }

    /** The original with only the old token on the known line replaced (or one line inserted after it). */
    static String expected(String original, Case c) {
        List<String> lines = linesWithBreaks(original);
        assertThat(lines).as("line %d of %s", c.line(), c.file()).hasSizeGreaterThanOrEqualTo(c.line());
        String line = lines.get(c.line() - 1);
        if (c.insert()) {
            String body = line.replaceAll("\r?\n$", "");
            String lineBreak = line.substring(body.length());
            if (lineBreak.isEmpty()) {
                lines.set(c.line() - 1, line + (original.contains("\r\n") ? "\r\n" : "\n") + c.newToken());
            } else {
                lines.add(c.line(), c.newToken() + lineBreak);
            }
        } else {
            int at = line.indexOf(c.oldToken());
            assertThat(at).as("%s on line %d of %s", c.oldToken(), c.line(), c.file()).isNotNegative();
            assertThat(line.indexOf(c.oldToken(), at + 1)).as("%s once on line %d", c.oldToken(), c.line()).isNegative();
            lines.set(c.line() - 1, line.substring(0, at) + c.newToken() + line.substring(at + c.oldToken().length()));
        }
        return String.join("", lines);
    }

    private static List<String> linesWithBreaks(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static List<JsonNode> jackson(String text) throws IOException {
        // Jackson reads the text after a byte order mark; the editor keeps the mark
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return JACKSON.readerFor(JsonNode.class).<JsonNode>readValues(body).readAll();
    }

    private static String unquote(String token) {
        if (token.length() >= 2 && (token.startsWith("\"") || token.startsWith("'"))) {
            return token.substring(1, token.length() - 1);
        }
        return token;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ManifestEditorCorpusTest.class.getResourceAsStream("/manifests/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
