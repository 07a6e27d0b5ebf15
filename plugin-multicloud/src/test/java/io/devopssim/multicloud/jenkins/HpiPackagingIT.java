package io.devopssim.multicloud.jenkins;

import hudson.Extension;
import io.devopssim.core.hpi.HpiInspector;
import io.devopssim.core.hpi.JenkinsBaseline;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built devsim-multicloud.hpi is a plugin Jenkins 2.479.3 can load (shared/jenkins-api/PLUGIN-FORMAT.md), and
 * it depends on devsim-deploy as a plugin: declared in Plugin-Dependencies, bundled nowhere. Runs after 'package'
 * (failsafe), on the real archive. In the Jenkins binding package because it names hudson.Extension.
 */
class HpiPackagingIT {
    private static final String DEPLOY = "devsim-deploy";

    private static HpiInspector hpi;
    private static String version;

    @BeforeAll
    static void openTheBuiltPlugin() throws Exception {
        hpi = HpiInspector.openFromSystemProperties();
        version = System.getProperty("hpi.version");
        assertThat(version).as("failsafe passes the project version").isNotBlank().doesNotContain("${");
    }

    @AfterAll
    static void close() throws Exception {
        if (hpi != null) {
            hpi.close();
        }
    }

    @Test
    @DisplayName("the manifest declares the plugin on the baseline, with devsim-deploy at this version among its dependencies")
    void manifestDeclaresThePluginAndItsPluginDependency() throws Exception {
        JenkinsBaseline baseline = JenkinsBaseline.fromSharedDir();
        Map<String, String> minimums = new HashMap<>(baseline.minimumPluginVersions());
        minimums.put(DEPLOY, version); // our own plugin, released with this one: not in versions.txt
        assertThat(hpi.manifestProblems(new JenkinsBaseline(baseline.jenkinsVersion(), minimums))).isEmpty();

        try (JarFile archive = new JarFile(System.getProperty("hpi.file"))) {
            String dependencies = archive.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
            assertThat(dependencies.split(",")).contains(DEPLOY + ":" + version)
                    .anyMatch(d -> d.startsWith("workflow-step-api:")).anyMatch(d -> d.startsWith("credentials:"))
                    .anyMatch(d -> d.startsWith("plain-credentials:"));
        }
    }

    @Test
    @DisplayName("WEB-INF/lib holds the plugin jar alone: devsim-deploy and all it bundles come from its own plugin")
    void bundlesNothingThatDevsimDeployProvides() {
        assertThat(hpi.libraryProblems()).isEmpty();
        assertThat(hpi.libraries()).as("devsim-deploy, devsim-core, fabric8, JGit, Jackson are the deploy plugin's")
                .containsExactly("devsim-multicloud.jar");
        assertThat(hpi.pluginJarEntries()).as("no class of another module copied into the plugin jar")
                .noneMatch(e -> e.startsWith("io/devopssim/deploy/") || e.startsWith("io/devopssim/core/"))
                .contains("io/devopssim/multicloud/WaveEngine.class");
    }

    @Test
    @DisplayName("the @Extension index lists the plugin's extensions, all of them in the plugin jar")
    void extensionIndexListsClassesOfThePlugin() throws Exception {
        assertThat(hpi.indexProblems(Extension.class)).isEmpty();
        assertThat(hpi.indexedClasses(Extension.class)).contains(MultiCloudConfiguration.class.getName(),
                ClusterConfig.DescriptorImpl.class.getName(), MultiCloudRolloutStep.DescriptorImpl.class.getName(),
                ClusterStatusStep.DescriptorImpl.class.getName());
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
        assertThat(hpi.pluginJarEntries()).contains("index.jelly",
                "io/devopssim/multicloud/jenkins/MultiCloudConfiguration/config.jelly",
                "io/devopssim/multicloud/jenkins/WaveSummaryAction/summary.jelly");
    }
}
