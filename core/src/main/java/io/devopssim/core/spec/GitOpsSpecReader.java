package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Reads a {@code gitops:} section on its own (repo, branch, file, one of helm/yaml/kustomizeImage,
 * credentials), with the same rules and messages as inside a rollout spec: for steps that commit to the
 * environment repository without a whole rollout (promote one version, roll one back).
 */
public final class GitOpsSpecReader {

    /**
     * @param section the mapping, e.g. built from step arguments
     * @param path    where it is, for messages; {@code ""} when the keys are the caller's own arguments
     * @throws InvalidSpecException listing every problem
     */
    public GitOpsSpec read(JsonNode section, String path) throws InvalidSpecException {
        Problems problems = new Problems();
        var spec = GitOpsReader.read(section, path, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.inSectionOrder(List.of()));
        }
        return spec.orElseThrow();
    }
}
