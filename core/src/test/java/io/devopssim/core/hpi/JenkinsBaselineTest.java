package io.devopssim.core.hpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The minimum versions come from the last section of versions.txt, and plugin versions are ordered sensibly. */
class JenkinsBaselineTest {

    @Test
    @DisplayName("the real versions.txt gives Jenkins 2.479.3 and a minimum for each plugin we may depend on")
    void readsTheSharedVersionsFile() throws Exception {
        JenkinsBaseline baseline = JenkinsBaseline.fromSharedDir();

        assertThat(baseline.jenkinsVersion()).isEqualTo("2.479.3");
        assertThat(baseline.minimumVersion("workflow-step-api")).contains("706.v518c5dcb_24c0");
        assertThat(baseline.minimumPluginVersions()).containsKeys("structs", "credentials", "plain-credentials");
    }

    @Test
    @DisplayName("only the last 'Minimum versions' section counts, not the baseline releases above it")
    void readsOnlyTheMinimumSection() {
        JenkinsBaseline baseline = JenkinsBaseline.parse(List.of(
                "Jenkins-Version: 2.479.3",
                "Plugin-Dependencies: workflow-step-api:710.v3e456cc85233",
                "== Minimum versions to declare (widest compatibility) ==",
                "Jenkins-Version: 2.479.3",
                "Plugin-Dependencies: workflow-step-api:706.v518c5dcb_24c0,structs:353.v261ea_40a_80fb_"));

        assertThat(baseline.minimumVersion("workflow-step-api")).contains("706.v518c5dcb_24c0");
        assertThat(baseline.minimumVersion("structs")).contains("353.v261ea_40a_80fb_");
    }

    @Test
    @DisplayName("a versions.txt without the section is refused")
    void refusesAFileWithoutTheSection() {
        assertThatThrownBy(() -> JenkinsBaseline.parse(List.of("Jenkins-Version: 2.479.3")))
                .hasMessageContaining("no section");
    }

    @ParameterizedTest(name = "{0} is at least {1}: {2}")
    @CsvSource({
        "710.v3e456cc85233, 706.v518c5dcb_24c0, true",
        "706.v518c5dcb_24c0, 706.v518c5dcb_24c0, true",
        "700.v0000, 706.v518c5dcb_24c0, false",
        "706.vffffffffffff, 706.v518c5dcb_24c0, false",
        "2.479.3, 2.479.3, true",
        "2.479.10, 2.479.3, true",
        "2.479, 2.479.3, false",
        "1453.v9b_a_29777a_b_fd, 1447.v4cb_b_539b_5321, true"
    })
    void ordersPluginVersions(String actual, String minimum, boolean atLeast) {
        assertThat(PluginVersions.isAtLeast(actual, minimum)).isEqualTo(atLeast);
    }
}
