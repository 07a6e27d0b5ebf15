package io.devopssim.mlgate;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.devopssim.core.arch.ArchitectureRules;

/** The judges, the gate and training are plain Java; only io.devopssim.mlgate.jenkins may see Jenkins. */
@AnalyzeClasses(packages = "io.devopssim.mlgate", importOptions = ImportOption.DoNotIncludeTests.class)
class MlGateArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoJenkinsImport = ArchitectureRules.JENKINS_API_ONLY_IN_BINDINGS;
}
