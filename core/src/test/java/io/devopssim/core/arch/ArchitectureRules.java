package io.devopssim.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules shared by every module (core builds a test-jar, so plugins apply them to their own
 * classes). The domain must stay plain Java: only a plugin's binding packages, {@code io.devopssim.<plugin>.jenkins}
 * and below, may see the Jenkins API, so that engines run and are tested without Jenkins (the CLI, the
 * simulator, benchmarks) and a binding stays a thin adapter.
 */
public final class ArchitectureRules {

    /**
     * Top-level packages of the Jenkins API and of the libraries Jenkins bundles for plugins. They are matched
     * from the root: {@code jenkins..} is Jenkins' own {@code jenkins} package, not our {@code ...deploy.jenkins}.
     */
    public static final String[] JENKINS_API_PACKAGES = {
        "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "net.sf.json.."
    };

    /** Our binding packages: a package segment named exactly {@code jenkins}, anywhere under io.devopssim. */
    public static final String BINDING_PACKAGES = "io.devopssim..jenkins..";

    /** For plugin modules: only binding packages may depend on the Jenkins API. */
    public static final ArchRule JENKINS_API_ONLY_IN_BINDINGS = noClasses()
            .that().resideInAPackage("io.devopssim..")
            .and().resideOutsideOfPackage(BINDING_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(JENKINS_API_PACKAGES)
            .because("engines are plain Java; only io.devopssim.<plugin>.jenkins binds them to Jenkins (DESIGN.md)");

    /** For modules that have no binding at all (core, cli, bench): no Jenkins API anywhere. */
    public static final ArchRule NO_JENKINS_API = noClasses()
            .that().resideInAPackage("io.devopssim..")
            .should().dependOnClassesThat().resideInAnyPackage(JENKINS_API_PACKAGES)
            .because("this module has no Jenkins binding and must run without Jenkins (DESIGN.md)");

    private ArchitectureRules() {
    }
}
