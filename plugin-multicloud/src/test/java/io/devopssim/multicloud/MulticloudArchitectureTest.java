package io.devopssim.multicloud;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.devopssim.core.arch.ArchitectureRules;

/** The wave engine and the registry are plain Java; only io.devopssim.multicloud.jenkins may see Jenkins. */
@AnalyzeClasses(packages = "io.devopssim.multicloud", importOptions = ImportOption.DoNotIncludeTests.class)
class MulticloudArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoJenkinsImport = ArchitectureRules.JENKINS_API_ONLY_IN_BINDINGS;
}
