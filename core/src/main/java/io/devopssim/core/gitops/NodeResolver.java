package io.devopssim.core.gitops;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Follows a path through the documents of one file to the scalar it names, and refuses what an edit of
 * only that scalar's bytes cannot change safely: a node shared through an alias (the edit would change
 * every place that uses the anchor), a key that comes from a merge key, a block scalar.
 */
final class NodeResolver {
    private static final int MAX_LISTED = 12;

    private final List<Node> documents;
    /** How many parents refer to each node; more than one means it is reached through an alias. */
    private final Map<Node, Integer> references = new IdentityHashMap<>();

    NodeResolver(YamlSource source) {
        this.documents = source.documents();
        for (Node doc : documents) {
            if (doc != null) {
                countReferences(doc);
            }
        }
    }

    /**
     * @param insertMissingLast when the last segment is a key the mapping lacks, return
     *                          {@link ValueSite.MissingKey} instead of failing
     */
    ValueSite resolve(List<PathSegment> path, boolean insertMissingLast) throws ManifestEditException {
        String described = PathSegment.render(path);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            throw new ManifestEditException(described + " not found (the file has no YAML document)");
        }
        List<PathSegment> rest = path;
        if (path.get(0) instanceof PathSegment.Match m
                && candidates.stream().allMatch(i -> documents.get(i) instanceof MappingNode)) {
            // a leading [key=value] picks the document of a multi-document file
            candidates = candidates.stream().filter(i -> matches(documents.get(i), m)).toList();
            if (candidates.isEmpty()) {
                throw new ManifestEditException("no document has " + m.keyPath().stream().collect(Collectors.joining("."))
                        + "=" + m.value() + " (documents: " + describeDocuments() + ")");
            }
            rest = path.subList(1, path.size());
            if (rest.isEmpty()) {
                throw new ManifestEditException(described + " is a whole document, not a single value");
            }
        }
        List<ValueSite> found = new ArrayList<>();
        List<Integer> foundIn = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ManifestEditException firstRefusal = null;
        for (int i : candidates) {
            try {
                found.add(walk(documents.get(i), path, path.size() - rest.size(), insertMissingLast));
                foundIn.add(i);
            } catch (NotFound e) {
                errors.add("document " + (i + 1) + ": " + e.getMessage());
                if (candidates.size() == 1) {
                    throw e.asEditException();
                }
            } catch (ManifestEditException e) {
                // the path exists there but cannot be edited: that is the answer, whatever other documents hold
                if (firstRefusal == null) {
                    firstRefusal = e;
                }
            }
        }
        if (firstRefusal != null) {
            throw firstRefusal;
        }
        if (found.isEmpty()) {
            throw new ManifestEditException(described + " not found in any of the " + candidates.size()
                    + " documents (" + String.join("; ", errors) + ")");
        }
        if (found.size() > 1) {
            throw new ManifestEditException(described + " is in " + found.size() + " documents ("
                    + foundIn.stream().map(i -> (i + 1) + " " + describeDocument(documents.get(i)))
                    .collect(Collectors.joining(", "))
                    + "); pick one with a leading filter such as [kind=Deployment]." + described);
        }
        return found.get(0);
    }

    private ValueSite walk(Node root, List<PathSegment> path, int from, boolean insertMissingLast)
            throws ManifestEditException {
        Node current = root;
        Node parent = null;
        for (int i = from; i < path.size(); i++) {
            String here = PathSegment.render(path.subList(0, i));
            String next = PathSegment.render(path.subList(0, i + 1));
            refuseShared(current, here);
            PathSegment seg = path.get(i);
            Node child;
            if (seg instanceof PathSegment.Key key) {
                if (!(current instanceof MappingNode mapping)) {
                    throw new NotFound(next + " not found (" + name(here) + " is " + kind(current) + ", not a mapping)");
                }
                List<NodeTuple> hits = mapping.getValue().stream()
                        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key.name()))
                        .toList();
                if (hits.size() > 1) {
                    throw new ManifestEditException(next + " is ambiguous (" + name(here) + " has the key "
                            + key.name() + " " + hits.size() + " times)");
                }
                if (hits.isEmpty()) {
                    if (insertMissingLast && i == path.size() - 1) {
                        return new ValueSite.MissingKey(mapping, key.name(), next);
                    }
                    throw new NotFound(missingKey(next, here, mapping));
                }
                child = hits.get(0).getValueNode();
            } else if (seg instanceof PathSegment.Index index) {
                if (!(current instanceof SequenceNode seq)) {
                    throw new NotFound(next + " not found (" + name(here) + " is " + kind(current) + ", not a list)");
                }
                if (index.index() >= seq.getValue().size()) {
                    throw new NotFound(next + " not found (" + name(here) + " has " + seq.getValue().size() + " items)");
                }
                child = seq.getValue().get(index.index());
            } else {
                PathSegment.Match match = (PathSegment.Match) seg;
                if (!(current instanceof SequenceNode seq)) {
                    throw new NotFound(next + " not found (" + name(here) + " is " + kind(current) + ", not a list)");
                }
                List<Node> hits = seq.getValue().stream().filter(n -> matches(n, match)).toList();
                if (hits.size() > 1) {
                    throw new ManifestEditException(next + " is ambiguous (" + hits.size() + " items of "
                            + name(here) + " have " + String.join(".", match.keyPath()) + "=" + match.value() + ")");
                }
                if (hits.isEmpty()) {
                    throw new NotFound(next + " not found (" + String.join(".", match.keyPath()) + " of the items of "
                            + name(here) + ": " + listed(seq.getValue().stream()
                            .map(n -> valueAt(n, match.keyPath())).map(v -> v == null ? "-" : v).toList()) + ")");
                }
                child = hits.get(0);
            }
            parent = current;
            current = child;
        }
        String whole = PathSegment.render(path);
        refuseShared(current, whole);
        if (!(current instanceof ScalarNode scalar)) {
            throw new ManifestEditException(whole + " is " + kind(current) + ", not a single value");
        }
        switch (scalar.getScalarStyle()) {
            case LITERAL, FOLDED -> throw new ManifestEditException(whole + " is a block scalar ("
                    + scalar.getScalarStyle().getChar() + "); editing block scalars is not supported");
            default -> {
            }
        }
        boolean inFlow = parent instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
        return new ValueSite.Scalar(scalar, inFlow, whole);
    }

    private void refuseShared(Node node, String where) throws ManifestEditException {
        if (references.getOrDefault(node, 0) > 1) {
            throw new ManifestEditException(name(where) + " is shared through the anchor &" + node.getAnchor()
                    + " (an alias *" + node.getAnchor() + " refers to it); editing it would change every place "
                    + "that uses it, so it is left alone");
        }
    }

    private static String missingKey(String next, String here, MappingNode mapping) {
        List<String> keys = mapping.getValue().stream()
                .map(t -> t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?")
                .toList();
        boolean merges = mapping.getValue().stream().anyMatch(t -> t.getKeyNode().getTag().equals(Tag.MERGE));
        String has = keys.isEmpty() ? " is empty" : " has keys: " + listed(keys);
        return next + " not found (" + name(here) + has
                + (merges ? "; it also takes keys from a merge key <<, edit the anchored mapping where they are defined"
                : "") + ")";
    }

    private static boolean matches(Node node, PathSegment.Match match) {
        return match.value().equals(valueAt(node, match.keyPath()));
    }

    private static String valueAt(Node node, List<String> keyPath) {
        Node current = node;
        for (String key : keyPath) {
            if (!(current instanceof MappingNode mapping)) {
                return null;
            }
            current = mapping.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                    .map(NodeTuple::getValueNode)
                    .findFirst().orElse(null);
        }
        return current instanceof ScalarNode s ? s.getValue() : null;
    }

    private String describeDocuments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null) {
                out.add((i + 1) + " " + describeDocument(documents.get(i)));
            }
        }
        return String.join(", ", out);
    }

    private static String describeDocument(Node doc) {
        String kind = valueAt(doc, List.of("kind"));
        String name = valueAt(doc, List.of("metadata", "name"));
        if (kind == null && name == null) {
            return "(no kind)";
        }
        return (kind == null ? "" : kind) + (name == null ? "" : (kind == null ? "" : " ") + name);
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getValue().isEmpty() ? "empty" : "a single value";
    }

    private static String name(String path) {
        return path.isEmpty() ? "the document" : path;
    }

    private static String listed(List<String> items) {
        if (items.size() <= MAX_LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_LISTED)) + " and " + (items.size() - MAX_LISTED) + " more";
    }

    private void countReferences(Node node) {
        int seen = references.merge(node, 1, Integer::sum);
        if (seen > 1) {
            return; // already walked: an alias
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                countReferences(t.getKeyNode());
                countReferences(t.getValueNode());
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                countReferences(child);
            }
        }
    }

    /** The path does not exist in one document; other documents of the file may still have it. */
    private static final class NotFound extends ManifestEditException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }

        ManifestEditException asEditException() {
            return new ManifestEditException(getMessage());
        }
    }
}
