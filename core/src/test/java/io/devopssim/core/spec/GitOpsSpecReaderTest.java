package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.gitops.ValueLocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GitOpsSpecReaderTest {
    private final ObjectMapper json = new ObjectMapper();
    private final GitOpsSpecReader reader = new GitOpsSpecReader();

    @Test
    void shouldReadStepArgumentsWithTheRulesOfTheGitopsSection() throws Exception {
        ObjectNode args = json.createObjectNode().put("repo", "https://git.example/env.git").put("file", "apps/a.yaml")
                .put("yaml", "spec.template.spec.containers[0].image");
        args.putObject("credentials").put("usernameEnv", "GIT_USER").put("passwordEnv", "GIT_TOKEN");

        GitOpsSpec spec = reader.read(args, "");

        assertThat(spec).isEqualTo(new GitOpsSpec("https://git.example/env.git", "main", "apps/a.yaml",
                new ValueLocator.YamlPath("spec.template.spec.containers[0].image"),
                new CredentialsSpec("GIT_USER", "GIT_TOKEN", null)));
    }

    @Test
    void shouldReportEveryProblemUnderTheArgumentNamesWhenThePathIsEmpty() {
        ObjectNode args = json.createObjectNode().put("repo", "https://user:pw@git.example/env.git")
                .put("file", "../outside.yaml").put("helm", "image.tag").put("yaml", "image");
        args.putObject("credentials").put("usernameEnv", "GIT_USER");

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read(args, ""));

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "has helm and yaml; give exactly one of helm, yaml, kustomizeImage",
                "repo: must not carry credentials; give them in gitops.credentials",
                "file: must be a path inside the repository, relative to its root, got \"../outside.yaml\"",
                "credentials.passwordEnv: required with usernameEnv");
    }
}
