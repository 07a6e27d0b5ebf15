package io.devopssim.core.gitops;

/**
 * A value could not be read or written in a manifest: the path is missing, names a mapping or list, is
 * shared through an alias, is a block scalar, or the text is not valid YAML. The message is one sentence
 * that names the path and says what was found instead, e.g.
 * {@code image.tag not found (image has keys: repository, pullPolicy)}.
 */
public class ManifestEditException extends Exception {
    private static final long serialVersionUID = 1L;

    public ManifestEditException(String message) {
        super(message);
    }

    public ManifestEditException(String message, Throwable cause) {
        super(message, cause);
    }
}
