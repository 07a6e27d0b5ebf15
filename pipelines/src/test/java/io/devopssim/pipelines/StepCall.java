package io.devopssim.pipelines;

import java.util.List;
import java.util.Map;

/**
 * One call of a step (a method called on the script itself) in a Jenkinsfile or a shared library file.
 *
 * @param name        the step's name
 * @param named       named arguments with their value when it is a literal (null when computed)
 * @param positional  how many positional (unnamed) arguments, closures excluded
 * @param line        the line of the call in its file
 */
record StepCall(String name, Map<String, Object> named, int positional, int line) {
    StepCall {
        named = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(named));
    }

    /** The literal string value of a named argument, if the call gives one. */
    java.util.Optional<String> literal(String parameter) {
        return named.get(parameter) instanceof String s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    static List<String> names(List<StepCall> calls) {
        return calls.stream().map(StepCall::name).distinct().toList();
    }
}
