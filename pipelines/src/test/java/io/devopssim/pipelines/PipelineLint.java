package io.devopssim.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the step calls of a parsed script: every call names a step that exists (ours, the shared library's, or
 * a standard one), passes only parameters the step declares, and passes every required one. Every problem is
 * reported, each with file and line.
 */
final class PipelineLint {
    private final Map<String, StepSignature> steps;

    /** {@code steps}: our steps and the shared library's, by function name. */
    PipelineLint(Map<String, StepSignature> steps) {
        this.steps = Map.copyOf(steps);
    }

    List<String> problems(PipelineScript script) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> ownMethods = script.declaredMethods();
        for (StepCall call : script.stepCalls()) {
            if (ownMethods.contains(call.name()) && !steps.containsKey(call.name())) {
                continue;
            }
            String where = script.file() + ":" + call.line() + ": ";
            StepSignature step = steps.get(call.name());
            if (step == null) {
                if (!PipelineVocabulary.isStandard(call.name())) {
                    problems.add(where + "no step named '" + call.name() + "' (ours: " + String.join(", ",
                            new java.util.TreeSet<>(steps.keySet())) + ")");
                }
                continue;
            }
            if (call.positional() > 0) {
                problems.add(where + call.name() + " takes named parameters only (" + String.join(", ", step.all())
                        + "), got " + call.positional() + " positional");
            }
            for (String parameter : call.named().keySet()) {
                if (!step.accepts(parameter)) {
                    problems.add(where + call.name() + " has no parameter '" + parameter + "' (it has: "
                            + String.join(", ", step.all()) + "; declared by " + step.origin() + ")");
                }
            }
            for (String required : step.required()) {
                if (!call.named().containsKey(required)) {
                    problems.add(where + call.name() + " needs the parameter '" + required + "'");
                }
            }
        }
        return problems;
    }
}
