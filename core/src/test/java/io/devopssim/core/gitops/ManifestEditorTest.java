package io.devopssim.core.gitops;

import io.devopssim.core.gitops.ValueLocator.HelmValue;
import io.devopssim.core.gitops.ValueLocator.KustomizeImage;
import io.devopssim.core.gitops.ValueLocator.YamlPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.devopssim.core.gitops.ManifestEditorCorpusTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestEditorTest {
    private final ManifestEditor editor = new ManifestEditor();

    @Test
    void shouldKeepCommentsWhenChangingTag() throws Exception {
        String text = "image:\n  # pinned by the pipeline\n  tag: 1.4.2 # current\n";

        assertThat(editor.write(text, new HelmValue("image.tag"), "1.5.0"))
                .isEqualTo("image:\n  # pinned by the pipeline\n  tag: 1.5.0 # current\n");
    }

    @Test
    void shouldNameTheKeysThatExistWhenTheKeyIsMissing() {
        String text = "image:\n  repository: shop/checkout\n  pullPolicy: IfNotPresent\n";

        assertThatThrownBy(() -> editor.read(text, new HelmValue("image.tag")))
                .isInstanceOf(ManifestEditException.class)
                .hasMessage("image.tag not found (image has keys: repository, pullPolicy)");
    }

    @Test
    void shouldSayHowManyItemsAListHasWhenTheIndexIsOutOfRange() {
        String text = "containers:\n  - name: a\n  - name: b\n";

        assertThatThrownBy(() -> editor.read(text, new YamlPath("containers[2].name")))
                .hasMessage("containers[2] not found (containers has 2 items)");
    }

    @Test
    void shouldListTheNamesWhenNoListItemMatches() {
        String text = "containers:\n  - name: web\n  - name: envoy\n";

        assertThatThrownBy(() -> editor.read(text, new YamlPath("containers[name=app].image")))
                .hasMessage("containers[name=app] not found (name of the items of containers: web, envoy)");
    }

    @Test
    void shouldRefuseAMappingAsTarget() {
        assertThatThrownBy(() -> editor.write("image:\n  tag: v1\n", new YamlPath("image"), "v2"))
                .hasMessage("image is a mapping, not a single value");
    }

    @Test
    void shouldRefuseToWalkThroughASingleValue() {
        assertThatThrownBy(() -> editor.read("image: nginx:1.27\n", new YamlPath("image.tag")))
                .hasMessage("image.tag not found (image is a single value, not a mapping)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"|", "|-", ">", ">+"})
    void shouldRefuseBlockScalars(String indicator) {
        String text = "data:\n  config: " + indicator + "\n    line one\n    line two\n";

        assertThatThrownBy(() -> editor.write(text, new YamlPath("data.config"), "x"))
                .hasMessageStartingWith("data.config is a block scalar (" + indicator.charAt(0) + ")")
                .hasMessageEndingWith("editing block scalars is not supported");
    }

    @Test
    void shouldRefuseAValueSharedThroughAnAlias() throws Exception {
        String values = resource("values.yaml");

        assertThatThrownBy(() -> editor.write(values, new HelmValue("resources.limits.cpu"), "1"))
                .hasMessageStartingWith("resources.limits is shared through the anchor &limits")
                .hasMessageContaining("would change every place that uses it");
        assertThatThrownBy(() -> editor.write(values, new HelmValue("resources.requests.cpu"), "1"))
                .hasMessageStartingWith("resources.requests is shared through the anchor &limits");
    }

    @Test
    void shouldRefuseAnAliasedScalar() {
        String text = "defaults:\n  tag: &tag v1\nprod:\n  tag: *tag\n";

        assertThatThrownBy(() -> editor.write(text, new YamlPath("defaults.tag"), "v2"))
                .hasMessageStartingWith("defaults.tag is shared through the anchor &tag (an alias *tag refers to it)");
        assertThatThrownBy(() -> editor.write(text, new YamlPath("prod.tag"), "v2"))
                .hasMessageStartingWith("prod.tag is shared through the anchor &tag");
    }

    @Test
    void shouldEditAnAnchoredScalarThatNoAliasUses() throws Exception {
        String text = "defaults:\n  tag: &tag v1 # not referenced\n";

        assertThat(editor.write(text, new YamlPath("defaults.tag"), "v2"))
                .isEqualTo("defaults:\n  tag: &tag v2 # not referenced\n");
    }

    @Test
    void shouldPointToTheAnchorWhenAKeyComesFromAMergeKey() throws Exception {
        String values = resource("values.yaml");

        assertThatThrownBy(() -> editor.read(values, new HelmValue("podLabels.team")))
                .hasMessage("podLabels.team not found (podLabels has keys: <<, canary; it also takes keys from a "
                        + "merge key <<, edit the anchored mapping where they are defined)");
    }

    @Test
    void shouldRefuseAPathFoundInSeveralDocuments() throws Exception {
        String multi = resource("multi-doc.yaml");

        assertThatThrownBy(() -> editor.read(multi, new YamlPath("metadata.name")))
                .hasMessage("metadata.name is in 3 documents (1 Deployment checkout, 2 Service checkout, "
                        + "3 ConfigMap checkout-config); pick one with a leading filter such as "
                        + "[kind=Deployment].metadata.name");
    }

    @Test
    void shouldSayWhichDocumentsExistWhenTheFilterMatchesNone() throws Exception {
        String multi = resource("multi-doc.yaml");

        assertThatThrownBy(() -> editor.read(multi, new YamlPath("[kind=Rollout].spec.replicas")))
                .hasMessage("no document has kind=Rollout (documents: 1 Deployment checkout, 2 Service checkout, "
                        + "3 ConfigMap checkout-config)");
    }

    @Test
    void shouldReportEachDocumentWhenNoneHasThePath() throws Exception {
        String multi = resource("multi-doc.yaml");

        assertThatThrownBy(() -> editor.read(multi, new YamlPath("spec.paused")))
                .hasMessageStartingWith("spec.paused not found in any of the 3 documents (document 1: spec.paused "
                        + "not found (spec has keys: replicas, template); document 2:");
    }

    @Test
    void shouldEditTheOnlyDocumentThatHasThePath() throws Exception {
        String multi = resource("multi-doc.yaml");

        String edited = editor.write(multi, new YamlPath("spec.ports[0].port"), "8080");

        assertThat(editor.read(edited, new YamlPath("[kind=Service].spec.ports[0].port"))).isEqualTo("8080");
        assertThat(edited.lines().filter(l -> l.contains("port: 8080"))).hasSize(1);
    }

    @Test
    void shouldRefuseInvalidYamlWithTheLine() {
        assertThatThrownBy(() -> editor.read("image:\n  tag: [1, 2\n", new YamlPath("image.tag")))
                .hasMessageStartingWith("not valid YAML: ")
                .hasMessageContaining("line ");
    }

    @Test
    void shouldRefuseADuplicatedKey() {
        assertThatThrownBy(() -> editor.read("image:\n  tag: a\n  tag: b\n", new YamlPath("image.tag")))
                .hasMessage("image.tag is ambiguous (image has the key tag 2 times)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a..b|invalid YAML path 'a..b': empty key at position 3",
            "a[0|invalid YAML path 'a[0': unclosed '[' at position 2",
            "a[\"b]|invalid YAML path 'a[\"b]': unclosed quote at position 3",
            "a.|invalid YAML path 'a.': the path ends with '.'",
    })
    void shouldExplainAnInvalidPath(String path, String message) {
        assertThatThrownBy(() -> editor.read("a: 1\n", new YamlPath(path))).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // old plain string, new value that YAML would read as something else: double quotes
            "tag: v1.9|1.10|tag: \"1.10\"",
            "tag: v1|yes|tag: \"yes\"",
            "tag: v1|null|tag: \"null\"",
            "tag: v1|0o17|tag: \"0o17\"",
            "tag: v1|2024-01-01|tag: \"2024-01-01\"",
            "tag: v1|a: b|tag: \"a: b\"",
            "tag: v1|a #b|tag: \"a #b\"",
            "tag: v1|*x|tag: \"*x\"",
            "tag: v1|-|tag: \"-\"",
            "tag: v1|' x'|tag: \" x\"",
            // plain stays plain when it reads back as the same string
            "tag: v1|v1.10|tag: v1.10",
            "tag: v1|a#b|tag: a#b",
            "tag: v1|a:b|tag: a:b",
            // a number stays a number
            "replicas: 3|10|replicas: 10",
            "weight: 0.5|0.75|weight: 0.75",
            // quotes keep their style; escapes as each style requires
            "tag: 'v1'|it's|tag: 'it''s'",
            "tag: \"v1\"|say \"hi\"\\now|tag: \"say \\\"hi\\\"\\\\now\"",
            "tag: 'v1'|tab\there|tag: 'tab\there'",
    })
    void shouldQuoteOnlyWhenThePlainValueWouldReadDifferently(String line, String newValue, String expected)
            throws Exception {
        assertThat(editor.write(line + "\n", new YamlPath(line.substring(0, line.indexOf(':'))), newValue))
                .isEqualTo(expected + "\n");
    }

    @Test
    void shouldEscapeALineBreakInASingleQuotedValueByDoubleQuoting() throws Exception {
        String edited = editor.write("msg: 'one'\n", new YamlPath("msg"), "two\nthree");

        assertThat(edited).isEqualTo("msg: \"two\\nthree\"\n");
        assertThat(editor.read(edited, new YamlPath("msg"))).isEqualTo("two\nthree");
    }

    @Test
    void shouldQuoteACommaInsideAFlowSequence() throws Exception {
        assertThat(editor.write("args: [a, b]\n", new YamlPath("args[1]"), "c,d")).isEqualTo("args: [a, \"c,d\"]\n");
        assertThat(editor.write("args: [a, b]\n", new YamlPath("args[1]"), "c-d")).isEqualTo("args: [a, c-d]\n");
    }

    @Test
    void shouldInsertNewTagInAFlowStyleKustomizeEntry() throws Exception {
        String text = "images:\n  - {name: checkout, newName: shop/checkout}\n";

        assertThat(editor.write(text, new KustomizeImage("checkout"), "1.5.0"))
                .isEqualTo("images:\n  - {name: checkout, newName: shop/checkout, newTag: 1.5.0}\n");
    }

    @Test
    void shouldReadNullForAKustomizeEntryWithoutNewTag() throws Exception {
        assertThat(editor.read("images:\n  - name: redis\n", new KustomizeImage("redis"))).isNull();
    }

    @Test
    void shouldListTheImagesWhenTheKustomizeImageIsMissing() throws Exception {
        String kustomization = resource("kustomization.yaml");

        assertThatThrownBy(() -> editor.read(kustomization, new KustomizeImage("postgres")))
                .hasMessage("images[name=postgres] not found (name of the items of images: checkout, "
                        + "envoyproxy/envoy, redis, nginx, busybox)");
    }

    @Test
    void shouldSayWhenAKustomizationHasNoImages() {
        assertThatThrownBy(() -> editor.read("resources:\n  - a.yaml\n", new KustomizeImage("checkout")))
                .hasMessage("images not found (the document has keys: resources)");
    }

    @Test
    void shouldReturnTheSameTextWhenTheValueIsAlreadyThere() throws Exception {
        String text = "tag: \"v1\"  # keep\n";

        assertThat(editor.write(text, new YamlPath("tag"), "v1")).isSameAs(text);
    }

    @Test
    void shouldReadTheUnescapedValue() throws Exception {
        assertThat(editor.read("a: \"x\\\"y\"\nb: 'it''s'\nc: plain text\n", new YamlPath("a"))).isEqualTo("x\"y");
        assertThat(editor.read("a: \"x\\\"y\"\nb: 'it''s'\nc: plain text\n", new YamlPath("b"))).isEqualTo("it's");
        assertThat(editor.read("a: \"x\\\"y\"\nb: 'it''s'\nc: plain text\n", new YamlPath("c"))).isEqualTo("plain text");
    }

    @Test
    void shouldKeepAnExplicitTagAndEditTheValueAfterIt() throws Exception {
        assertThat(editor.write("v: !!str 1.10\n", new YamlPath("v"), "1.11")).isEqualTo("v: !!str 1.11\n");
    }

    @Test
    void shouldEditATopLevelListByIndex() throws Exception {
        assertThat(editor.write("- a\n- b # two\n", new YamlPath("[1]"), "c")).isEqualTo("- a\n- c # two\n");
    }
}
