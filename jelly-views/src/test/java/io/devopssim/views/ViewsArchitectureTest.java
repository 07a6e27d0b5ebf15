package io.devopssim.views;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.devopssim.core.arch.ArchitectureRules;

/** The chart view models run in devsim too: no Jenkins API in them. */
@AnalyzeClasses(packages = "io.devopssim.views", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewsArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsHaveNoJenkinsApi = ArchitectureRules.NO_JENKINS_API;
}
