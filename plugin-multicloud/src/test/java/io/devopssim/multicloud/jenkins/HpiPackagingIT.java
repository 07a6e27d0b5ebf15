package io.devopssim.multicloud.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.devopssim.core.hpi.HpiInspector;
import io.devopssim.core.hpi.JenkinsBaseline;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The built devsim-multicloud.hpi is a plugin Jenkins 2.479.3 can load (shared/jenkins-api/PLUGIN-FORMAT.md), and
 * it depends on devsim-deploy as a plugin: declared in Plugin-Dependencies, bundled nowhere. Runs after 'package'
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
            assertThat(hpi.pluginDependencyProblems(DEPLOY, version,
                    List.of("devsim-deploy", "devsim-core", "devsim-jelly-views", "kubernetes-", "org.eclipse.jgit", "jackson-"),
                    List.of("io/devopssim/deploy/", "io/devopssim/core/"))).isEmpty();
            assertThat(hpi.dependencyNames()).contains("workflow-step-api", "credentials", "plain-credentials");
            assertThat(hpi.libraries()).as("devsim-deploy and all it bundles come from its own plugin")
                    .containsExactly("devsim-multicloud.jar");
            assertThat(hpi.indexedClasses(Extension.class)).contains(MultiCloudConfiguration.class.getName(),
                    ClusterConfig.DescriptorImpl.class.getName(), MultiCloudRolloutStep.DescriptorImpl.class.getName(),
                    ClusterStatusStep.DescriptorImpl.class.getName());
            assertThat(hpi.pluginJarEntries()).contains("index.jelly",
                    "io/devopssim/multicloud/jenkins/MultiCloudConfiguration/config.jelly",
                    "io/devopssim/multicloud/jenkins/WaveSummaryAction/summary.jelly");
        }
    }
}
