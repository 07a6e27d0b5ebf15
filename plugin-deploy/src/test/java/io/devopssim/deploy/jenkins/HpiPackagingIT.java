package io.devopssim.deploy.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.devopssim.core.hpi.HpiInspector;
import io.devopssim.core.hpi.JenkinsBaseline;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/**
 * The built devsim-deploy.hpi is a plugin Jenkins 2.479.3 can load: manifest, bundled jars, @Extension and
 * @Symbol indexes, views (shared/jenkins-api/PLUGIN-FORMAT.md). Runs after 'package' (failsafe), on the real
 * archive. In the Jenkins binding package because it names hudson.Extension, whose index it reads.
 */
class HpiPackagingIT {

    @Test
    void theBuiltPluginIsOneJenkinsCanLoad() throws Exception {
        try (HpiInspector hpi = HpiInspector.openFromSystemProperties()) {
            assertThat(hpi.loadProblems(JenkinsBaseline.fromSharedDir(), Extension.class, Symbol.class)).isEmpty();
            assertThat(hpi.indexedClasses(Extension.class)).contains(DeployRuntimeProvider.class.getName(),
                    CanaryRolloutStep.DescriptorImpl.class.getName());
        }
    }
}
