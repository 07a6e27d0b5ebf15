package io.devopssim.pipelines;

import java.util.Set;

/**
 * Names a Jenkinsfile may call that are not ours: Declarative Pipeline's sections and directives and the steps of
 * Jenkins' standard Pipeline plugins. Their classes are not on this build's class path (no Jenkins artifact can be
 * downloaded here), so only the name is checked; our own steps are checked with their parameters. Keep this list
 * to what the Jenkinsfiles in pipelines/ use: a name added here is a name nothing verifies.
 */
final class PipelineVocabulary {
    /** Declarative Pipeline: sections, directives, conditions and agent kinds. */
    static final Set<String> DECLARATIVE = Set.of(
            "pipeline", "agent", "any", "none", "label", "stages", "stage", "steps", "post", "always", "success",
            "failure", "unstable", "aborted", "cleanup", "environment", "options", "parameters", "when", "branch",
            "expression", "not", "allOf", "anyOf", "parallel", "script", "timeout", "timestamps",
            "disableConcurrentBuilds", "buildDiscarder", "logRotator", "string", "booleanParam", "choice");

    /**
     * Steps of workflow-basic-steps, workflow-durable-task-step, credentials-binding, pipeline-input-step and
     * pipeline-groovy-lib, and the {@code library} step.
     */
    static final Set<String> STANDARD_STEPS = Set.of(
            "echo", "sh", "error", "writeFile", "readFile", "fileExists", "archiveArtifacts", "withCredentials",
            "usernamePassword", "withEnv", "dir", "node", "input", "catchError", "library", "retry", "sleep", "checkout");

    private PipelineVocabulary() {
    }

    static boolean isStandard(String name) {
        return DECLARATIVE.contains(name) || STANDARD_STEPS.contains(name);
    }
}
