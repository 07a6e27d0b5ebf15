package io.devopssim.core.gitops;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.List;
import java.util.Objects;

/**
 * Reads and changes one scalar value in a YAML manifest, changing only that value's bytes: comments, key
 * order, quoting, indentation, blank lines, line endings, document markers and the other documents of the
 * file stay exactly as they were.
 *
 * <p>It parses with SnakeYAML's node API only to learn where the value starts and ends in the text, then
 * splices the new value in, in the quoting style of the old one. A YAML library that re-serialises the
 * tree cannot do this: it loses comments and quotes.
 *
 * <p>Refused, with a {@link ManifestEditException} that names the path: a missing key or item, a mapping
 * or list as target, block scalars ({@code |}, {@code >}), a value shared through an alias, and a path that
 * matches in several documents of one file. The one insertion: a Kustomize image entry without
 * {@code newTag} gets {@code newTag: <value>} after its last key.
 *
 * <p>Stateless and thread-safe.
 */
public final class ManifestEditor {
    private static final String NEW_TAG = "newTag";

    private final ScalarRenderer renderer = new ScalarRenderer();

    /**
     * The value at {@code locator}, as YAML reads it (quotes removed, escapes resolved; a number stays
     * its text). {@code null} only for a Kustomize image entry that has no {@code newTag} yet.
     */
    public String read(String text, ValueLocator locator) throws ManifestEditException {
        ValueSite site = locate(YamlSource.parse(text), locator);
        return site instanceof ValueSite.Scalar s ? s.node().getValue() : null;
    }

    /**
     * {@code text} with the value at {@code locator} replaced by {@code newValue}, and nothing else
     * changed. Writing the value that is already there returns {@code text} itself.
     */
    public String write(String text, ValueLocator locator, String newValue) throws ManifestEditException {
        Objects.requireNonNull(newValue, "newValue");
        YamlSource source = YamlSource.parse(text);
        ValueSite site = locate(source, locator);
        if (site instanceof ValueSite.Scalar s && s.node().getValue().equals(newValue)) {
            return text;
        }
        String result = site instanceof ValueSite.Scalar s ? replace(source, s, newValue) : insert(source,
                (ValueSite.MissingKey) site, newValue);
        verify(source.documents().size(), result, locator, newValue, site.where());
        return result;
    }

    private ValueSite locate(YamlSource source, ValueLocator locator) throws ManifestEditException {
        if (locator instanceof ValueLocator.YamlPath p) {
            return new NodeResolver(source).resolve(PathParser.yamlPath(p.path()), false);
        }
        if (locator instanceof ValueLocator.HelmValue h) {
            return new NodeResolver(source).resolve(PathParser.helmKey(h.key()), false);
        }
        ValueLocator.KustomizeImage k = (ValueLocator.KustomizeImage) locator;
        List<PathSegment> path = List.of(new PathSegment.Key("images"),
                new PathSegment.Match(List.of("name"), k.image()), new PathSegment.Key(NEW_TAG));
        return new NodeResolver(source).resolve(path, true);
    }

    private String replace(YamlSource source, ValueSite.Scalar site, String newValue) {
        String text = source.text();
        ScalarNode node = site.node();
        int start = source.charIndex(node.getStartMark());
        int end = source.charIndex(node.getEndMark());
        // the node's marks include its properties (&anchor, !tag) before the value itself
        boolean explicitTag = false;
        while (start < end && (text.charAt(start) == '&' || text.charAt(start) == '!')) {
            explicitTag |= text.charAt(start) == '!';
            while (start < end && !Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        boolean wasString = node.getTag().equals(Tag.STR) || node.getScalarStyle() != ScalarStyle.PLAIN;
        String rendered = renderer.render(newValue, node.getScalarStyle(), wasString && !explicitTag, site.inFlow());
        if (start == end && start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            rendered = " " + rendered; // an empty value (`tag:`) gets the space YAML needs after the colon
        }
        return text.substring(0, start) + rendered + text.substring(end);
    }

    private String insert(YamlSource source, ValueSite.MissingKey site, String newValue)
            throws ManifestEditException {
        String text = source.text();
        MappingNode entry = site.mapping();
        List<NodeTuple> tuples = entry.getValue();
        Node last = tuples.get(tuples.size() - 1).getValueNode();
        if (!(last instanceof ScalarNode s) || s.getScalarStyle() == ScalarStyle.LITERAL
                || s.getScalarStyle() == ScalarStyle.FOLDED) {
            throw new ManifestEditException("cannot add " + site.where() + ": the entry's last key holds "
                    + "more than a single-line value");
        }
        boolean flow = entry.getFlowStyle() == FlowStyle.FLOW;
        String value = renderer.render(newValue, ScalarStyle.PLAIN, true, flow);
        int afterLast = source.charIndex(last.getEndMark());
        if (flow) {
            return text.substring(0, afterLast) + ", " + site.key() + ": " + value + text.substring(afterLast);
        }
        String indent = " ".repeat(tuples.get(0).getKeyNode().getStartMark().getColumn());
        String line = indent + site.key() + ": " + value;
        int newline = text.indexOf('\n', afterLast);
        if (newline < 0) {
            // the entry ends the file without a line break: add one before our line, none after
            return text + lineBreakOf(text) + line;
        }
        String lineBreak = newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
        return text.substring(0, newline + 1) + line + lineBreak + text.substring(newline + 1);
    }

    /** A second parse of the result: the edit must read back as the new value, in as many documents. */
    private void verify(int documentsBefore, String after, ValueLocator locator, String newValue, String where)
            throws ManifestEditException {
        String readBack;
        try {
            readBack = read(after, locator);
        } catch (ManifestEditException e) {
            throw new ManifestEditException("writing " + where + " would break the file (" + e.getMessage() + ")", e);
        }
        if (!newValue.equals(readBack) || YamlSource.parse(after).documents().size() != documentsBefore) {
            throw new ManifestEditException("writing " + where + " would not read back as the new value");
        }
    }

    private static String lineBreakOf(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
}
