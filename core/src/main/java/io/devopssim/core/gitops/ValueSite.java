package io.devopssim.core.gitops;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Where a path led in a document: an existing scalar, or a key a Kustomize entry lacks. */
sealed interface ValueSite {

    /** How the path is written, for messages. */
    String where();

    /**
     * @param node   the scalar
     * @param inFlow true when it sits inside a flow collection ({@code {a: 1}}, {@code [x, y]}), where
     *               {@code ,[]{}} end a plain scalar
     */
    record Scalar(ScalarNode node, boolean inFlow, String where) implements ValueSite {
    }

    /** The mapping has no {@code key}; the one insertion the editor makes (Kustomize {@code newTag}). */
    record MissingKey(MappingNode mapping, String key, String where) implements ValueSite {
    }
}
