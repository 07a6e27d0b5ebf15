package org.kohsuke.stapler.verb;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Compile-only copy. RUNTIME retention matters: without it the plugin's class file would not carry the
 * annotation and Stapler would accept GET on a doCheck method (CSRF).
 */
@Target(METHOD)
@Retention(RUNTIME)
@Documented
public @interface POST {
}
