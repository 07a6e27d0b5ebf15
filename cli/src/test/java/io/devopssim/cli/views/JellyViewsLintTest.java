package io.devopssim.cli.views;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The lint of issue #7 over the real jelly-views and every plugin's Jenkins bindings (cli depends on all
 * plugins, so their classes, as built and packaged, are on this test's class path).
 */
class JellyViewsLintTest {

    @Test
    @DisplayName("every view of every plugin is well-formed, escaped, bound to real properties and where its class is")
    void everyViewOfEveryPluginPassesTheLint() throws Exception {
        Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        ClassLoader loader = getClass().getClassLoader();
        List<Class<?>> bindings = BindingClasses.in(loader);
        assertThat(bindings).extracting(Class::getName).as("the steps of the three plugins are found")
                .contains("io.devopssim.deploy.jenkins.CanaryRolloutStep", "io.devopssim.chaos.jenkins.ChaosExperimentStep",
                        "io.devopssim.mlgate.jenkins.DeploymentGateStep");

        List<String> problems = new JellyLint(repo, repo.resolve("jelly-views"), loader, bindings, true).problems();

        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in jelly-views:\n" + String.join("\n", problems));
        }
    }
}
