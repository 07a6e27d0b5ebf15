package io.devopssim.pipelines;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lint itself: what it reports on small scripts, against the real step classes and hand-made signatures. */
class PipelineLintTest {
    private static final StepSignature DEPLOY = new StepSignature("deploy", "test", Set.of("app"), Set.of("weight", "dryRun"));

    private static java.util.List<String> lint(String script, StepSignature... steps) {
        Map<String, StepSignature> byName = new java.util.HashMap<>();
        for (StepSignature s : steps) {
            byName.put(s.functionName(), s);
        }
        return new PipelineLint(byName).problems(PipelineScript.parse(Path.of("Jenkinsfile"), script));
    }

    @Test
    void acceptsKnownStepsAndParametersInEveryCallForm() {
        String script = """
                pipeline {
                  agent any
                  stages {
                    stage('Deploy') {
                      steps {
                        deploy app: 'checkout', weight: 10
                        deploy(app: 'checkout', dryRun: true)
                        script {
                          def r = deploy(app: "checkout")
                          echo "verdict ${r.verdict}"
                        }
                      }
                    }
                  }
                }
                """;
        assertThat(lint(script, DEPLOY)).isEmpty();
    }

    @Test
    void reportsEveryProblemWithFileAndLine() {
        String script = """
                node {
                  deploy app: 'a', wieght: 10
                  deploy weight: 10
                  deploy 'checkout'
                  deplyo app: 'a'
                }
                """;
        assertThat(lint(script, DEPLOY)).containsExactlyInAnyOrder(
                "Jenkinsfile:2: deploy has no parameter 'wieght' (it has: app, dryRun, weight; declared by test)",
                "Jenkinsfile:3: deploy needs the parameter 'app'",
                "Jenkinsfile:4: deploy takes named parameters only (app, dryRun, weight), got 1 positional",
                "Jenkinsfile:4: deploy needs the parameter 'app'",
                "Jenkinsfile:5: no step named 'deplyo' (ours: deploy)");
    }

    @Test
    void methodsCalledOnObjectsAreNotSteps() {
        assertThat(lint("node { def r = [:]; r.put('a', 1); currentBuild.description = r.toString() }", DEPLOY)).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesTheFile() {
        assertThatThrownBy(() -> PipelineScript.parse(Path.of("broken/Jenkinsfile"), "pipeline { stages { "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken/Jenkinsfile is not valid Groovy");
    }

    @Test
    void readsTheKeysASharedLibraryStepAccepts() {
        String library = """
                def call(Map config) {
                  if (!config.app) { error 'progressiveDelivery: app is required' }
                  def strategy = config.get('strategy') ?: 'canary'
                  def id = config['rolloutId']
                  deploy app: config.app
                  notify(config.app)
                }

                private void notify(String app) {
                  deploy app: app, colour: 'blue'
                }
                """;
        PipelineScript script = PipelineScript.parse(Path.of("vars/pd.groovy"), library);
        assertThat(script.sharedLibraryStep("pd")).get()
                .satisfies(s -> assertThat(s.optional()).containsExactlyInAnyOrder("app", "strategy", "rolloutId"));
        assertThat(new PipelineLint(Map.of("deploy", DEPLOY)).problems(script)).as("calls in its own methods are checked too")
                .containsExactly("vars/pd.groovy:10: deploy has no parameter 'colour' (it has: app, dryRun, weight; declared by test)");
    }

    @Test
    void theCatalogReadsOurStepsFromTheExtensionIndex() {
        Map<String, StepSignature> steps = StepCatalog.load(getClass().getClassLoader()).steps();
        assertThat(steps).containsKeys("canaryRollout", "chaosExperiment", "deploymentGate");
        assertThat(steps.get("canaryRollout").optional()).contains("specFile", "spec", "rolloutId", "failOnRollback");
        assertThat(lint("node { canaryRollout specFile: 'a.yaml', failOnRolback: true }", steps.values().toArray(StepSignature[]::new)))
                .singleElement().asString().contains("canaryRollout has no parameter 'failOnRolback'");
    }
}
