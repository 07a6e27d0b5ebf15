package io.devopssim.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows what the rules accept and refuse, on small classes compiled here: core itself has no Jenkins types on
 * its class path, so the Jenkins-like packages are made up for the test, then compiled and imported.
 */
class ArchitectureRulesTest {

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("hudson/model/Run.java", "package hudson.model; public class Run {}"),
            Map.entry("jenkins/model/Jenkins.java", "package jenkins.model; public class Jenkins {}"),
            Map.entry("org/kohsuke/stapler/DataBoundConstructor.java", "package org.kohsuke.stapler;"
                    + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                    + " public @interface DataBoundConstructor {}"),
            Map.entry("net/sf/json/JSONObject.java", "package net.sf.json; public class JSONObject {}"),
            Map.entry("org/jenkinsci/plugins/workflow/steps/Step.java",
                    "package org.jenkinsci.plugins.workflow.steps; public abstract class Step {}"),
            Map.entry("org/example/jenkins/Tool.java", "package org.example.jenkins; public class Tool {}"),
            Map.entry("io/devopssim/demo/Engine.java",
                    "package io.devopssim.demo; public class Engine { hudson.model.Run run; }"),
            Map.entry("io/devopssim/demo/AnnotatedEngine.java", "package io.devopssim.demo;"
                    + " public class AnnotatedEngine { @org.kohsuke.stapler.DataBoundConstructor public AnnotatedEngine() {} }"),
            Map.entry("io/devopssim/demo/JsonEngine.java", "package io.devopssim.demo;"
                    + " public class JsonEngine { Object parse() { return new net.sf.json.JSONObject(); } }"),
            Map.entry("io/devopssim/demo/PlainEngine.java", "package io.devopssim.demo;"
                    + " public class PlainEngine { java.util.List<String> steps; }"),
            Map.entry("io/devopssim/demo/UsesLookalike.java", "package io.devopssim.demo;"
                    + " public class UsesLookalike { org.example.jenkins.Tool tool; }"),
            Map.entry("io/devopssim/demo/jenkinsish/Leaky.java", "package io.devopssim.demo.jenkinsish;"
                    + " public class Leaky { jenkins.model.Jenkins jenkins; }"),
            Map.entry("io/devopssim/demo/jenkins/DemoStep.java", "package io.devopssim.demo.jenkins;"
                    + " public class DemoStep extends org.jenkinsci.plugins.workflow.steps.Step {"
                    + " hudson.model.Run run; jenkins.model.Jenkins jenkins; net.sf.json.JSONObject json; }"),
            Map.entry("io/devopssim/demo/jenkins/views/StepView.java", "package io.devopssim.demo.jenkins.views;"
                    + " public class StepView { jenkins.model.Jenkins jenkins; }"),
            Map.entry("io/devopssim/jenkins/TopBinding.java", "package io.devopssim.jenkins;"
                    + " public class TopBinding { hudson.model.Run run; }"));

    @TempDir
    static Path work;

    private static JavaClasses classes;

    @BeforeAll
    static void compileFixtures() throws IOException {
        Path sources = work.resolve("src");
        Path output = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK (not a JRE) runs the tests").isNotNull();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("fixtures compile").isZero();
        classes = new ClassFileImporter().importPath(output);
    }

    @ParameterizedTest(name = "{0} violates JENKINS_API_ONLY_IN_BINDINGS: {1}")
    @DisplayName("outside binding packages, any use of the Jenkins API is refused")
    @CsvSource({
        "io.devopssim.demo.Engine, true",
        "io.devopssim.demo.AnnotatedEngine, true",
        "io.devopssim.demo.JsonEngine, true",
        "io.devopssim.demo.jenkinsish.Leaky, true",
        "io.devopssim.demo.PlainEngine, false",
        "io.devopssim.demo.UsesLookalike, false",
        "io.devopssim.demo.jenkins.DemoStep, false",
        "io.devopssim.demo.jenkins.views.StepView, false",
        "io.devopssim.jenkins.TopBinding, false"
    })
    void jenkinsApiOnlyInBindings(String className, boolean violates) {
        assertThat(violates(ArchitectureRules.JENKINS_API_ONLY_IN_BINDINGS, className)).isEqualTo(violates);
    }

    @ParameterizedTest(name = "{0} violates NO_JENKINS_API: {1}")
    @DisplayName("in a module without bindings, even a package named jenkins may not use the Jenkins API")
    @CsvSource({
        "io.devopssim.demo.jenkins.DemoStep, true",
        "io.devopssim.demo.Engine, true",
        "io.devopssim.demo.PlainEngine, false"
    })
    void noJenkinsApi(String className, boolean violates) {
        assertThat(violates(ArchitectureRules.NO_JENKINS_API, className)).isEqualTo(violates);
    }

    private static boolean violates(ArchRule rule, String className) {
        JavaClasses one = classes.that(HasName.Predicates.name(className));
        assertThat(one).as("fixture %s was imported", className).hasSize(1);
        return rule.allowEmptyShould(true).evaluate(one).hasViolation();
    }
}
