package io.devopssim.deploy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.devopssim.core.arch.ArchitectureRules;

/** The rollout engine is plain Java; only io.devopssim.deploy.jenkins may see Jenkins. */
@AnalyzeClasses(packages = "io.devopssim.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class DeployArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoJenkinsImport = ArchitectureRules.JENKINS_API_ONLY_IN_BINDINGS;
}
