package io.devopssim.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.devopssim.core.arch.ArchitectureRules;

/** devsim runs the engines without Jenkins: no Jenkins API anywhere in it. */
@AnalyzeClasses(packages = "io.devopssim.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule cliHasNoJenkinsApi = ArchitectureRules.NO_JENKINS_API;
}
