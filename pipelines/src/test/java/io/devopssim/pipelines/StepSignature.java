package io.devopssim.pipelines;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a Pipeline step accepts, read from its class as Jenkins' DescribableModel reads it: the parameters of the
 * {@code @DataBoundConstructor} are required, {@code @DataBoundSetter}s are optional.
 *
 * @param functionName the name a Jenkinsfile calls
 * @param origin       where the step is declared (a step class, or a shared library file)
 * @param required     parameters that must be given
 * @param optional     parameters that may be given
 */
record StepSignature(String functionName, String origin, Set<String> required, Set<String> optional) {
    StepSignature {
        required = Set.copyOf(required);
        optional = Set.copyOf(optional);
    }

    boolean accepts(String parameter) {
        return required.contains(parameter) || optional.contains(parameter);
    }

    SortedSet<String> all() {
        SortedSet<String> all = new TreeSet<>(required);
        all.addAll(optional);
        return all;
    }
}
