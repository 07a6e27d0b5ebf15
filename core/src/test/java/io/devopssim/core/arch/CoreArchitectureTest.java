package io.devopssim.core.arch;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core is the domain shared by all plugins and the CLI: it has no binding, so no Jenkins dependency at all. */
@AnalyzeClasses(packages = "io.devopssim.core")
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoJenkinsApi = ArchitectureRules.NO_JENKINS_API;

    @ArchTest
    static final ArchRule coreKeepsJenkinsApiInBindings = ArchitectureRules.JENKINS_API_ONLY_IN_BINDINGS;
}
