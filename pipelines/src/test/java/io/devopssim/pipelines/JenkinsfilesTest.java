package io.devopssim.pipelines;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Jenkinsfile in pipelines/ and every shared library step in vars/ calls only steps that exist, with
 * parameters they declare: a renamed step parameter breaks this build, not a user's pipeline.
 */
class JenkinsfilesTest {
    static final Path PIPELINES = Path.of(System.getProperty("devsim.pipelines.dir", "."));
    private static Map<String, StepSignature> steps;

    @BeforeAll
    static void loadSteps() throws IOException {
        steps = new HashMap<>(StepCatalog.load(JenkinsfilesTest.class.getClassLoader()).steps());
        for (Path file : sharedLibraryFiles()) {
            String name = file.getFileName().toString().replaceFirst("\\.groovy$", "");
            StepSignature step = PipelineScript.parse(file).sharedLibraryStep(name)
                    .orElseThrow(() -> new AssertionError(file + " has no call(Map) method"));
            assertThat(steps.put(name, step)).as("shared library step %s shadows a plugin step", name).isNull();
        }
    }

    static List<Path> jenkinsfiles() throws IOException {
        try (Stream<Path> files = Files.walk(PIPELINES)) {
            return files.filter(f -> f.getFileName().toString().equals("Jenkinsfile"))
                    .filter(f -> !f.startsWith(PIPELINES.resolve("target")))
                    .sorted().toList();
        }
    }

    static List<Path> sharedLibraryFiles() throws IOException {
        try (Stream<Path> files = Files.list(PIPELINES.resolve("vars"))) {
            return files.filter(f -> f.toString().endsWith(".groovy")).sorted().toList();
        }
    }

    @Test
    void thereAreTheSeedsPipelinesAndTheSharedLibrary() throws IOException {
        assertThat(jenkinsfiles()).extracting(f -> PIPELINES.relativize(f.getParent()).toString())
                .contains("production", "development", "experimental", "multicloud");
        assertThat(sharedLibraryFiles()).extracting(f -> f.getFileName().toString()).contains("progressiveDelivery.groovy");
    }

    @TestFactory
    List<DynamicTest> everyStepCallMatchesAStep() throws IOException {
        List<Path> files = new ArrayList<>(jenkinsfiles());
        files.addAll(sharedLibraryFiles());
        PipelineLint lint = new PipelineLint(steps);
        return files.stream().map(file -> DynamicTest.dynamicTest(PIPELINES.relativize(file).toString(), () -> {
            PipelineScript script = PipelineScript.parse(file);
            assertThat(lint.problems(script)).as("problems in %s", file).isEmpty();
            assertThat(script.stepCalls()).as("%s calls none of our steps", file)
                    .anyMatch(c -> steps.containsKey(c.name()));
        })).toList();
    }
}
