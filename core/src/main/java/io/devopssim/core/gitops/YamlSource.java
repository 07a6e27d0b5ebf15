package io.devopssim.core.gitops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text of a manifest and its documents as SnakeYAML nodes, whose marks give each node's position in
 * the text. Marks count Unicode code points; {@link #charIndex(Mark)} turns them into {@code String}
 * indexes, which differ once the text holds a character outside the BMP (an emoji in a comment).
 */
final class YamlSource {
    private final String text;
    private final List<Node> documents;
    private final boolean hasSurrogates;

    private YamlSource(String text, List<Node> documents) {
        this.text = text;
        this.documents = documents;
        this.hasSurrogates = text.codePointCount(0, text.length()) != text.length();
    }

    static YamlSource parse(String text) throws ManifestEditException {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        List<Node> docs = new ArrayList<>();
        try {
            for (Node doc : new Yaml(options).composeAll(new StringReader(text))) {
                // an empty document (--- with nothing after it) composes to null: keep its number
                docs.add(doc);
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
            throw new ManifestEditException("not valid YAML: " + oneLine(e.getProblem()) + where, e);
        } catch (YAMLException e) {
            throw new ManifestEditException("not valid YAML: " + oneLine(e.getMessage()), e);
        }
        return new YamlSource(text, Collections.unmodifiableList(docs));
    }

    String text() {
        return text;
    }

    /** The documents in order; an empty document is {@code null}. */
    List<Node> documents() {
        return documents;
    }

    int charIndex(Mark mark) {
        int cp = mark.getIndex();
        return hasSurrogates ? text.offsetByCodePoints(0, cp) : cp;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown problem" : s.replaceAll("\\s+", " ").strip();
    }
}
