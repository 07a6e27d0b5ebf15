package io.devopssim.core.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each of core's packages can be read, and moved, with what it needs below it: no two depend on each other.
 * Main classes only: a test may well use fixtures of another package that uses its own.
 */
@AnalyzeClasses(packages = "io.devopssim.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CorePackageCyclesTest {

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices().matching("io.devopssim.core.(*)..").should().beFreeOfCycles();
}
