package io.devopssim.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.devopssim.core.hpi.HpiInspector;
import io.devopssim.core.hpi.JenkinsBaseline;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The built devsim-ml-gate.hpi is a plugin Jenkins 2.479.3 can load (shared/jenkins-api/PLUGIN-FORMAT.md), and it
 * depends on devsim-deploy as a plugin: declared in Plugin-Dependencies, bundled nowhere. Runs after 'package'
 * (failsafe), on the real archive. In the Jenkins binding package because it names hudson.Extension.
 */
class HpiPackagingIT {
    private static final String DEPLOY = "devsim-deploy";

    @Test
    void theBuiltPluginIsOneJenkinsCanLoadBesideDevsimDeploy() throws Exception {
        String version = System.getProperty("hpi.version");
        assertThat(version).as("failsafe passes the project version").isNotBlank().doesNotContain("${");
        try (HpiInspector hpi = HpiInspector.openFromSystemProperties()) {
            assertThat(hpi.loadProblems(JenkinsBaseline.fromSharedDir().withPlugin(DEPLOY, version),
                    Extension.class, Symbol.class)).isEmpty();
            // devsim-deploy's class loader provides it, core, the views, fabric8, JGit and Jackson
            assertThat(hpi.pluginDependencyProblems(DEPLOY, version,
                    List.of("devsim-deploy", "devsim-core", "devsim-jelly-views", "kubernetes-", "org.eclipse.jgit", "jackson-"),
                    List.of("io/devopssim/deploy/", "io/devopssim/core/"))).isEmpty();
            // the gate's judges need xgboost4j, whose jar carries its native library: it must be bundled
            assertThat(hpi.libraries()).anyMatch(jar -> jar.startsWith("xgboost4j"));
            assertThat(hpi.indexedClasses(Extension.class)).contains(MlSpecJudgeProvider.class.getName(),
                    XgboostForecasterProvider.class.getName());
        }
    }
}
