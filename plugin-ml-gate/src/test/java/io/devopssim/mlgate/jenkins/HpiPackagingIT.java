package io.devopssim.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The built devsim-ml-gate.hpi is a plugin Jenkins 2.479.3 can load: manifest, bundled jars, @Extension index
 * and views (shared/jenkins-api/PLUGIN-FORMAT.md); it depends on devsim-deploy as a plugin: declared in
 * Plugin-Dependencies, bundled nowhere. Runs after 'package' (failsafe), on the real archive.
 * In the Jenkins binding package because it names hudson.Extension, whose index it reads.
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
                    .anyMatch(d -> d.startsWith("workflow-step-api:"));
        }
    }

    @Test
    @DisplayName("WEB-INF/lib holds the plugin jar and no jar that Jenkins provides")
    void bundlesThePluginJarAndNothingJenkinsProvides() {
        assertThat(hpi.libraryProblems()).isEmpty();
        assertThat(hpi.libraries()).contains("devsim-ml-gate.jar");
        // the gate's judges need xgboost4j, whose jar carries its native library: it must be bundled
        assertThat(hpi.libraries()).anyMatch(jar -> jar.startsWith("xgboost4j"));
    }

    @Test
    @DisplayName("WEB-INF/lib holds nothing that devsim-deploy provides: devsim-deploy and all it bundles come from its own plugin")
    void bundlesNothingThatDevsimDeployProvides() {
        assertThat(hpi.libraries()).as("devsim-deploy, devsim-core, devsim-jelly-views, fabric8, JGit, Jackson are the deploy plugin's")
                .noneMatch(jar -> jar.startsWith("devsim-deploy") || jar.startsWith("devsim-core")
                        || jar.startsWith("devsim-jelly-views") || jar.startsWith("kubernetes-")
                        || jar.startsWith("org.eclipse.jgit") || jar.startsWith("jackson-"));
        assertThat(hpi.pluginJarEntries()).as("no class of another module copied into the plugin jar")
                .noneMatch(e -> e.startsWith("io/devopssim/deploy/") || e.startsWith("io/devopssim/core/"))
                .contains("io/devopssim/mlgate/jenkins/MlSpecJudgeProvider.class");
    }

    @Test
    @DisplayName("the @Extension index lists the plugin's extensions, all of them in the plugin jar")
    void extensionIndexListsClassesOfThePlugin() throws Exception {
        assertThat(hpi.indexProblems(Extension.class)).isEmpty();
        assertThat(hpi.indexedClasses(Extension.class)).contains(MlSpecJudgeProvider.class.getName(),
                XgboostForecasterProvider.class.getName());
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
