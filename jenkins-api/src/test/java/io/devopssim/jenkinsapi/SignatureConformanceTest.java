package io.devopssim.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stubs in jenkins-api/src/main/java may only declare what the real Jenkins API declares, exactly as
 * shared/jenkins-api/signatures.txt records it for the 2.479.3 baseline.
 */
class SignatureConformanceTest {

    private static SignatureFile signatures;
    private static List<Class<?>> stubs;

    @BeforeAll
    static void loadSignaturesAndStubs() throws Exception {
        signatures = SignatureFile.load(signaturesFile());
        Path classes = StubClasses.outputDirectoryOf("hudson/Extension.class");
        stubs = StubClasses.load(classes, SignatureConformanceTest.class.getClassLoader());
    }

    static Path signaturesFile() {
        String shared = System.getProperty("devsim.shared.dir");
        assertThat(shared)
                .as("system property devsim.shared.dir (set by surefire from the root POM) must name the shared/ folder")
                .isNotBlank();
        Path file = Path.of(shared, "jenkins-api", "signatures.txt");
        assertThat(Files.isRegularFile(file))
                .as("signatures.txt must exist at %s (devsim.shared.dir=%s)", file, shared)
                .isTrue();
        return file;
    }

    @Test
    @DisplayName("every stub type and member matches a baseline line of signatures.txt")
    void stubsMatchTheRealSignatures() {
        List<String> mismatches = new StubChecker(signatures).check(stubs);

        assertThat(mismatches)
                .withFailMessage(() -> mismatches.size() + " stub(s) differ from signatures.txt:\n  "
                        + String.join("\n  ", mismatches))
                .isEmpty();
    }

    @Test
    @DisplayName("the check sees the compiled stubs, so it cannot pass on an empty scan")
    void checkCoversTheCompiledStubs() {
        List<String> names = stubs.stream().map(Class::getName).collect(Collectors.toList());

        assertThat(names).contains("hudson.Extension", "org.jenkinsci.plugins.workflow.steps.StepContext",
                "hudson.model.Run", "org.kohsuke.stapler.DataBoundConstructor", "hudson.security.AccessControlled",
                "jenkins.model.GlobalConfiguration", "hudson.util.FormValidation$Kind",
                "com.cloudbees.plugins.credentials.CredentialsProvider",
                "org.jenkinsci.plugins.plaincredentials.StringCredentials");
        assertThat(names).noneMatch(n -> n.startsWith("io.devopssim."));
    }
}
