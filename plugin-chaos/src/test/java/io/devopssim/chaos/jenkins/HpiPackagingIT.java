package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.devopssim.core.hpi.HpiInspector;
import io.devopssim.core.hpi.JenkinsBaseline;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The built devsim-chaos.hpi is a plugin Jenkins 2.479.3 can load: manifest, bundled jars, @Extension index
 * and views (shared/jenkins-api/PLUGIN-FORMAT.md). Runs after 'package' (failsafe), on the real archive.
 * In the Jenkins binding package because it names hudson.Extension, whose index it reads.
 */
class HpiPackagingIT {

    private static HpiInspector hpi;

    @BeforeAll
    static void openTheBuiltPlugin() throws Exception {
        hpi = HpiInspector.openFromSystemProperties();
    }

    @AfterAll
    static void close() throws Exception {
        if (hpi != null) {
            hpi.close();
        }
    }

    @Test
    @DisplayName("the .hpi and its plugin jar carry the plugin manifest on the versions.txt baseline")
    void manifestDeclaresThePluginOnTheJenkinsBaseline() throws Exception {
        assertThat(hpi.manifestProblems(JenkinsBaseline.fromSharedDir())).isEmpty();
    }

    @Test
    @DisplayName("WEB-INF/lib holds the plugin jar and no jar that Jenkins provides")
    void bundlesThePluginJarAndNothingJenkinsProvides() {
        assertThat(hpi.libraryProblems()).isEmpty();
        assertThat(hpi.libraries()).contains("devsim-chaos.jar");
    }

    @Test
    @DisplayName("the @Extension index lists the plugin's extensions, all of them in the plugin jar")
    void extensionIndexListsClassesOfThePlugin() throws Exception {
        assertThat(hpi.indexProblems(Extension.class)).isEmpty();
    }

    @Test
    @DisplayName("every @Symbol class of the plugin jar is in the @Symbol index, and the index names nothing else")
    void symbolIndexListsEveryAnnotatedClass() throws Exception {
        assertThat(hpi.symbolIndexProblems(Symbol.class)).isEmpty();
    }

    @Test
    @DisplayName("the plugin jar has its description, and every view sits in the directory of its class")
    void viewsSitWhereStaplerLooks() {
        assertThat(hpi.viewProblems()).isEmpty();
    }
}
