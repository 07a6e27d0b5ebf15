package io.devopssim.core.gitops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoPathTest {

    @ParameterizedTest
    @CsvSource({
            "apps/checkout/values.yaml, apps/checkout/values.yaml",
            "./apps/checkout/values.yaml, apps/checkout/values.yaml",
            "/apps/checkout/values.yaml, apps/checkout/values.yaml",
            "apps\\checkout\\values.yaml, apps/checkout/values.yaml",
    })
    void shouldWriteThePathAsGitDoes(String given, String expected) throws Exception {
        assertThat(GitPromoter.repoPath(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "apps/", "../secrets.yaml", "apps/../../x.yaml", "apps//x.yaml", ".git/config",
            "apps/./x.yaml"})
    void shouldRefuseAPathOutsideTheRepositoryFiles(String given) {
        assertThatThrownBy(() -> GitPromoter.repoPath(given))
                .isInstanceOf(PromotionException.class)
                .hasMessage("not a file path inside the repository: " + given);
    }
}
