package io.devopssim.chaos;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.devopssim.core.arch.ArchitectureRules;

/** The chaos engine and its backends are plain Java; only io.devopssim.chaos.jenkins may see Jenkins. */
@AnalyzeClasses(packages = "io.devopssim.chaos", importOptions = ImportOption.DoNotIncludeTests.class)
class ChaosArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoJenkinsImport = ArchitectureRules.JENKINS_API_ONLY_IN_BINDINGS;
}
