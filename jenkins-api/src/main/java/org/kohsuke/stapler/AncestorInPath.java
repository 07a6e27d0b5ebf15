package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only copy: Stapler injects the nearest ancestor of the parameter's type in the URL (the Item of a
 * {@code doFill}/{@code doCheck} call, say). RUNTIME retention as in Stapler, which reads it reflectively.
 * The real type's {@code @InjectedParameter} meta-annotation only matters inside Stapler.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {
}
