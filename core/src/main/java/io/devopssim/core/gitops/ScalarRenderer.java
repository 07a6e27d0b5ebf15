package io.devopssim.core.gitops;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * Writes a new value in the quoting style of the value it replaces. A plain scalar stays plain only when
 * YAML reads the new text back as the same string: {@code 1.10} would become a float, {@code yes} a
 * boolean, {@code a: b} a syntax error, so those are written double-quoted instead.
 */
final class ScalarRenderer {
    /**
     * Scalars that YAML 1.2's core schema or Go's YAML 1.1 decoder (Kubernetes, Helm, Argo CD) read as
     * something other than a string, beyond what SnakeYAML's YAML 1.1 resolver already knows.
     */
    private static final Pattern OTHER_SCHEMAS_NON_STRING = Pattern.compile(
            "[-+]?(0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+)"
                    + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE"
                    + "|~|null|Null|NULL");

    private final Resolver resolver = new Resolver();

    /**
     * @param style        the style of the scalar being replaced
     * @param mustBeString the value must still read as a string (the old one did, and no explicit tag says so)
     * @param inFlow       the scalar sits inside a flow collection
     */
    String render(String value, ScalarStyle style, boolean mustBeString, boolean inFlow) {
        return switch (style) {
            case PLAIN -> canBePlain(value, mustBeString, inFlow) ? value : doubleQuoted(value);
            case SINGLE_QUOTED -> canBeSingleQuoted(value) ? "'" + value.replace("'", "''") + "'" : doubleQuoted(value);
            case DOUBLE_QUOTED -> doubleQuoted(value);
            default -> throw new IllegalArgumentException("block scalars are not written: " + style);
        };
    }

    /** Whether YAML reads {@code value} as a string when written without quotes. */
    boolean readsAsString(String value) {
        return resolver.resolve(NodeId.scalar, value, true).equals(Tag.STR)
                && !OTHER_SCHEMAS_NON_STRING.matcher(value).matches();
    }

    private boolean canBePlain(String value, boolean mustBeString, boolean inFlow) {
        if (value.isEmpty() || !value.equals(value.strip())
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)) {
            return false;
        }
        if (mustBeString && !readsAsString(value)) {
            return false;
        }
        return readsBackPlain(value, inFlow);
    }

    /**
     * The rules for where a plain scalar may start and what ends it are many (indicators, {@code ": "},
     * {@code " #"}, and {@code ,[]{}} inside flow collections); asking the parser is exact.
     */
    private static boolean readsBackPlain(String value, boolean inFlow) {
        String probe = inFlow ? "[" + value + "]" : "k: " + value;
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(probe));
            Node scalar = null;
            if (root instanceof SequenceNode seq && seq.getValue().size() == 1) {
                scalar = seq.getValue().get(0);
            } else if (root instanceof MappingNode map && map.getValue().size() == 1) {
                scalar = map.getValue().get(0).getValueNode();
            }
            return !(scalar instanceof CollectionNode<?>)
                    && scalar instanceof ScalarNode s
                    && s.getScalarStyle() == ScalarStyle.PLAIN
                    && s.getValue().equals(value);
        } catch (YAMLException e) {
            return false;
        }
    }

    private static boolean canBeSingleQuoted(String value) {
        // single quotes have no escapes: anything that is not a printable character on one line needs double
        return value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c != 0x7f && c != 0x85 && c != 0x2028
                && c != 0x2029 && c != 0xfeff);
    }

    static String doubleQuoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                case '\u0007' -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\u000b' -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                case '\u001b' -> sb.append("\\e");
                case '\u0085' -> sb.append("\\N");
                case '\u2028' -> sb.append("\\L");
                case '\u2029' -> sb.append("\\P");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0xfeff) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
