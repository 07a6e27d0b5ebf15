package org.jvnet.localizer;

import java.io.Serializable;

/**
 * Compile-only declaration: the type of a {@code Permission} description. signatures.txt captures no member,
 * so the stub cannot be instantiated (stub permissions carry no description).
 */
public abstract class Localizable implements Serializable {

    private static final long serialVersionUID = 1L;

    private Localizable() {
    }
}
