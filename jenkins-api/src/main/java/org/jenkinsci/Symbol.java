package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Compile-only copy of {@code @Symbol} (lib-symbol-annotation, bundled in core). {@code @Indexed} is kept
 * because structs' SymbolLookup reads the index of classes carrying it.
 */
@Indexed
@Retention(RUNTIME)
@Target(TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
