package io.devopssim.core.spec;

import io.devopssim.core.gitops.ValueLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RolloutSpecReaderTest {
    /** A valid spec with every section; cases below break parts of it. */
    static final String VALID = """
            app: checkout
            image: ghcr.io/acme/checkout:1.5.0
            steps:
              - setWeight: 10
              - analysis: {window: 2m}
            analysis:
              metrics:
                - {metric: error_rate, max: 0.02}
            gitops:
              repo: http://127.0.0.1:8080/env.git
              file: apps/checkout/values.yaml
              helm: image.tag
            """;

    private final RolloutSpecReader reader = new RolloutSpecReader();

    /** The problems of an invalid spec, as {@code path: message} lines. */
    private List<String> problems(String yaml) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read(yaml));
        assertThat(e).as("expected the spec to be invalid:%n%s", yaml).isNotNull();
        return e.problems().stream().map(SpecProblem::toString).toList();
    }

    @Test
    void readsTheJudgeAnalysisStepsUseAndRefusesAnUnknownOne() throws Exception {
        assertThat(reader.read(VALID).analysis().judge()).isEqualTo(JudgeKind.THRESHOLD);
        assertThat(reader.read(VALID.replace("analysis:\n", "analysis:\n  judge: mannWhitney\n")).analysis().judge())
                .isEqualTo(JudgeKind.MANN_WHITNEY);
        assertThatThrownBy(() -> reader.read(VALID.replace("analysis:\n", "analysis:\n  judge: oracle\n")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("analysis.judge: \"oracle\" is not a judge (known: threshold, mannWhitney, xgboost, anomaly, combined)");
    }

    @Test
    void readsTheXgboostJudgeWithItsModelAndThresholdAndNeedsNoCriteria() throws Exception {
        String yaml = VALID.replace("""
                analysis:
                  metrics:
                    - {metric: error_rate, max: 0.02}
                """, """
                analysis:
                  judge: xgboost
                  model: models/gate
                  threshold: 0.7
                """);

        AnalysisSpec analysis = reader.read(yaml).analysis();

        assertThat(analysis.judge()).isEqualTo(JudgeKind.XGBOOST);
        assertThat(analysis.model()).isEqualTo("models/gate");
        assertThat(analysis.threshold()).isEqualTo(0.7);
        assertThat(analysis.metrics()).isEmpty();
        assertThat(analysis.usesModel()).isTrue();
        assertThat(analysis.effectiveStages()).containsExactly(JudgeKind.XGBOOST);
    }

    @Test
    void aCombinedJudgeRunsThresholdsThenMannWhitneyThenTheModelUnlessItsStagesSayOtherwise() throws Exception {
        String combined = VALID.replace("analysis:\n", "analysis:\n  judge: combined\n  model: models/gate\n");
        String twoStages = VALID.replace("analysis:\n", "analysis:\n  judge: combined\n  stages: [mannWhitney, threshold]\n");

        AnalysisSpec all = reader.read(combined).analysis();
        AnalysisSpec noModel = reader.read(twoStages).analysis();

        assertThat(all.stages()).containsExactly(JudgeKind.THRESHOLD, JudgeKind.MANN_WHITNEY, JudgeKind.XGBOOST);
        assertThat(all.threshold()).isEqualTo(AnalysisSpec.DEFAULT_THRESHOLD);
        assertThat(noModel.stages()).containsExactly(JudgeKind.MANN_WHITNEY, JudgeKind.THRESHOLD);
        assertThat(noModel.usesModel()).isFalse();
        assertThat(noModel.model()).isNull();
    }

    @Test
    void modelSettingsAreRefusedWhereNoJudgeReadsThemAndRequiredWhereOneDoes() {
        assertThat(problems(VALID.replace("analysis:\n", "analysis:\n  judge: xgboost\n"))).containsExactly(
                "analysis.model: required by the xgboost judge: a model directory written by devsim gate train (or one of its versions)");
        assertThat(problems(VALID.replace("analysis:\n", "analysis:\n  model: m\n  threshold: 0.9\n  stages: [xgboost]\n")))
                .containsExactly(
                        "analysis.stages: only a combined judge has stages (judge is threshold)",
                        "analysis.model: only the xgboost judge (or a combined judge with an xgboost stage) reads a model",
                        "analysis.threshold: is the model's probability threshold; this judge reads no model");
        assertThat(problems(VALID.replace("analysis:\n", "analysis:\n  judge: combined\n  model: m\n  threshold: 1\n"
                + "  stages: [xgboost, combined, xgboost, oracle]\n"))).containsExactly(
                "analysis.stages[1]: \"combined\" is not a stage (known: threshold, mannWhitney, xgboost, anomaly)",
                "analysis.stages[2]: xgboost is already a stage",
                "analysis.stages[3]: \"oracle\" is not a stage (known: threshold, mannWhitney, xgboost, anomaly)",
                "analysis.threshold: must be a probability between 0 and 1 (exclusive), got 1");
        assertThat(problems(VALID.replace("analysis:\n", "analysis:\n  judge: combined\n  stages: []\n")))
                .containsExactly("analysis.stages: needs at least one stage (threshold, mannWhitney, xgboost, anomaly)");
    }

    @Test
    void criteriaAreRequiredOnlyWhenAStageReadsThem() {
        String noMetrics = VALID.replace("""
                  metrics:
                    - {metric: error_rate, max: 0.02}
                """, "");

        assertThat(problems(noMetrics.replace("analysis:\n", "analysis:\n  judge: combined\n  model: m\n")))
                .containsExactly("analysis.metrics: required by the analysis step at steps[1]");
        assertThat(catchThrowableOfType(InvalidSpecException.class, () -> reader.read(
                noMetrics.replace("analysis:\n", "analysis:\n  judge: combined\n  model: m\n  stages: [xgboost]\n"))))
                .isNull();
    }

    @Test
    void readsAChaosStepAsItsExperimentTextForTheChaosEngine() throws Exception {
        String yaml = VALID.replace("  - analysis: {window: 2m}\n", """
                  - analysis: {window: 2m}
                  - chaos:
                      name: slow-network
                      faults: [{latency: {ms: 50}}]
                      duration: 1m
                """);

        RolloutSpec spec = reader.read(yaml);

        StepSpec.Chaos chaos = spec.steps().stream().filter(StepSpec.Chaos.class::isInstance)
                .map(StepSpec.Chaos.class::cast).findFirst().orElseThrow();
        assertThat(chaos.name()).isEqualTo("slow-network");
        assertThat(chaos.experiment()).contains("name: \"slow-network\"").contains("ms: 50").contains("duration: \"1m\"");
    }

    @Test
    void refusesAChaosStepWithoutAnExperiment() {
        assertThatThrownBy(() -> reader.read(VALID.replace("  - analysis: {window: 2m}\n", "  - analysis: {window: 2m}\n  - chaos: {}\n")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("chaos: needs an experiment");
    }

    @Test
    void readsTheExampleOfTheReadmeCompletely() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("## Rollout spec.*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("core/README.md has a yaml block under ## Rollout spec").isTrue();

        RolloutSpec spec = reader.read(block.group(1));

        assertThat(spec).isEqualTo(new RolloutSpec("checkout", new ImageRef("ghcr.io/acme/checkout", "1.5.0"),
                Strategy.CANARY,
                List.of(new StepSpec.SetWeight(10), new StepSpec.Pause(Duration.ofSeconds(30)),
                        new StepSpec.Analysis(Duration.ofMinutes(2)), new StepSpec.SetWeight(50),
                        new StepSpec.Analysis(Duration.ofMinutes(2))),
                new AnalysisSpec(Duration.ofSeconds(10), 6, List.of(
                        new MetricCriterion("error_rate", 0.02, null, 2.0),
                        new MetricCriterion("latency_p99_ms", null, null, 1.5))),
                new GitOpsSpec("http://127.0.0.1:8080/env.git", "main", "apps/checkout/values.yaml",
                        new ValueLocator.HelmValue("image.tag"), new CredentialsSpec("GIT_USER", "GIT_TOKEN", null)),
                new SimulationSpec(7, 10, 200, new RegressionSpec(0.05, 1.0, 1.0))));
    }

    @Test
    void fillsInDefaults() throws Exception {
        RolloutSpec spec = reader.read(VALID);

        assertThat(spec.strategy()).isEqualTo(Strategy.CANARY);
        assertThat(spec.analysis().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.analysis().minSamples()).isEqualTo(5);
        assertThat(spec.gitops().branch()).isEqualTo("main");
        assertThat(spec.gitops().credentials()).isEqualTo(CredentialsSpec.NONE);
        assertThat(spec.simulation()).isEqualTo(SimulationSpec.DEFAULT);
    }

    @Test
    void acceptsEveryDurationFormAndEveryLocatorAndCredentialsId() throws Exception {
        RolloutSpec spec = reader.read("""
                app: a
                image: localhost:5000/team/app_x:v1.0-rc.1
                steps:
                  - pause: 500ms
                  - pause: {duration: PT1M30S}
                  - pause: 1m30s
                  - setWeight: 0
                  - setWeight: 100
                gitops:
                  repo: /srv/git/env
                  file: overlays/prod/kustomization.yaml
                  kustomizeImage: ghcr.io/acme/a
                  credentials: {credentialsId: env-repo}
                """);

        assertThat(spec.image()).isEqualTo(new ImageRef("localhost:5000/team/app_x", "v1.0-rc.1"));
        assertThat(spec.steps()).containsExactly(new StepSpec.Pause(Duration.ofMillis(500)),
                new StepSpec.Pause(Duration.ofSeconds(90)), new StepSpec.Pause(Duration.ofSeconds(90)),
                new StepSpec.SetWeight(0), new StepSpec.SetWeight(100));
        assertThat(spec.analysis().metrics()).isEmpty();
        assertThat(spec.gitops().value()).isEqualTo(new ValueLocator.KustomizeImage("ghcr.io/acme/a"));
        assertThat(spec.gitops().credentials()).isEqualTo(new CredentialsSpec(null, null, "env-repo"));
        assertThat(reader.read(VALID.replace("helm: image.tag", "yaml: spec.template.spec.containers[0].image"))
                .gitops().value()).isEqualTo(new ValueLocator.YamlPath("spec.template.spec.containers[0].image"));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rollout.yaml");
        Files.writeString(file, VALID);

        assertThat(reader.read(file)).isEqualTo(reader.read(VALID));
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.yaml"))).isInstanceOf(IOException.class);
    }

    @Test
    void reportsEveryProblemAtOnceInSectionOrderAndListsThemOnePerLine() {
        String yaml = """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                strategy: bluegreen
                steps:
                  - setWeight: 10
                  - pase: 30s
                  - setWeight: 150
                  - analysis: {window: 2m}
                analysis:
                  metrics:
                    - {metric: errors, max: 0.02}
                gitops:
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """;

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read(yaml));

        assertThat(e.problems()).containsExactly(
                new SpecProblem("strategy", "\"bluegreen\" is not supported (supported: canary, blueGreen, hybrid, rolling)"),
                new SpecProblem("steps[1].pase", "unknown key (did you mean pause?)"),
                new SpecProblem("steps[2].setWeight", "150 is not in 0..100"),
                new SpecProblem("analysis.metrics[0].metric", "\"errors\" is unknown (known: error_rate, "
                        + "latency_p50_ms, latency_p99_ms, cpu_cores, memory_mib, request_rate)"),
                new SpecProblem("gitops.repo", "required"));
        assertThat(e.getMessage()).isEqualTo("""
                strategy: "bluegreen" is not supported (supported: canary, blueGreen, hybrid, rolling)
                steps[1].pase: unknown key (did you mean pause?)
                steps[2].setWeight: 150 is not in 0..100
                analysis.metrics[0].metric: "errors" is unknown (known: error_rate, latency_p50_ms, \
                latency_p99_ms, cpu_cores, memory_mib, request_rate)
                gitops.repo: required""");
    }

    @Test
    void theReadmeShowsTheProblemsOfItsExampleAsTheyAre() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("Problems are listed by section.*?```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();

        assertThat(String.join("\n", problems("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                strategy: bluegreen
                steps:
                  - setWeight: 10
                  - pase: 30s
                  - setWeight: 150
                  - analysis: {window: 2m}
                analysis:
                  metrics:
                    - {metric: errors, max: 0.02}
                gitops:
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """)) + "\n").isEqualTo(block.group(1));
    }

    @Test
    void reportsMissingRequiredKeysAndUnknownTopLevelKeys() {
        assertThat(problems("""
                aap: checkout
                colour: blue
                "x.y": 1
                """)).containsExactly(
                "aap: unknown key (did you mean app?)",
                "colour: unknown key (known: app, image, strategy, steps, blueGreen, rolling, analysis, gitops, simulation, traffic, cluster, argocd)",
                "[\"x.y\"]: unknown key (known: app, image, strategy, steps, blueGreen, rolling, analysis, gitops, simulation, traffic, cluster, argocd)",
                "app: required",
                "image: required",
                "steps: required",
                "gitops: required");
    }

    @Test
    void reportsWrongTypesWithWhatWasFound() {
        assertThat(problems("""
                app: 123
                image: [a, b]
                strategy: true
                steps: {setWeight: 10}
                analysis: fast
                gitops:
                  repo: http://127.0.0.1/env.git
                  branch: on
                  file: ""
                  helm: {key: image.tag}
                simulation: [1]
                """)).containsExactly(
                "app: expected text, got 123 (put it in quotes if it is meant as text)",
                "image: expected text, got a list",
                "strategy: expected text, got true (put it in quotes if it is meant as text)",
                "steps: expected a list, got a map",
                "analysis: expected a map, got \"fast\"",
                "gitops.branch: expected text, got true (put it in quotes if it is meant as text)",
                "gitops.file: must not be blank",
                "gitops.helm: expected text, got a map",
                "simulation: expected a map, got a list");
    }

    @Test
    void checksTheAppNameAndTheImageReference() {
        assertThat(problems(VALID.replace("app: checkout", "app: Checkout_Service"))).containsExactly(
                "app: \"Checkout_Service\" is not a DNS label (lowercase letters, digits and '-', starting and "
                        + "ending with a letter or digit, at most 63 characters)");
        assertThat(problems(VALID.replace("app: checkout", "app: " + "a".repeat(64)))).hasSize(1);
        assertThat(problems(VALID.replace("app: checkout", "app: -checkout"))).hasSize(1);
        assertThat(accepts(VALID.replace("app: checkout", "app: " + "a".repeat(63)))).isTrue();

        assertThat(problems(VALID.replace("ghcr.io/acme/checkout:1.5.0", "ghcr.io/acme/checkout"))).containsExactly(
                "image: \"ghcr.io/acme/checkout\" has no tag (expected repository:tag, e.g. ghcr.io/acme/checkout:1.5.0)");
        assertThat(problems(VALID.replace("ghcr.io/acme/checkout:1.5.0", "localhost:5000/checkout"))).containsExactly(
                "image: \"localhost:5000/checkout\" has no tag (expected repository:tag, e.g. ghcr.io/acme/checkout:1.5.0)");
        assertThat(problems(VALID.replace("ghcr.io/acme/checkout:1.5.0", "ghcr.io/acme/checkout@sha256:abc"))).containsExactly(
                "image: \"ghcr.io/acme/checkout@sha256:abc\": digests are not supported; give repository:tag");
        assertThat(problems(VALID.replace("ghcr.io/acme/checkout:1.5.0", "ghcr.io/acme/checkout:-1"))).containsExactly(
                "image: tag \"-1\" is not valid (letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-')");
        assertThat(problems(VALID.replace("ghcr.io/acme/checkout:1.5.0", "ghcr.io/Acme/checkout:1.5.0"))).containsExactly(
                "image: repository \"ghcr.io/Acme/checkout\" is not valid (lowercase path components separated by '/', "
                        + "optionally after a registry host)");
    }

    private boolean accepts(String yaml) {
        try {
            reader.read(yaml);
            return true;
        } catch (InvalidSpecException e) {
            return false;
        }
    }

    @Test
    void checksTheShapeOfEveryStep() {
        assertThat(problems(VALID.replace("""
                  - setWeight: 10
                  - analysis: {window: 2m}
                """, """
                  -
                  - setWeight
                  - {setWeight: 10, pause: 30s}
                  - {}
                  - setWeight: ten
                  - setWeight: 12.5
                  - setWeight: -1
                  - pause:
                  - pause: 30
                  - pause: 30 seconds
                  - pause: {duration: 0s}
                  - pause: {duraton: 30s}
                  - analysis:
                  - analysis: 2m
                  - analysis: {window: 2m, interval: 5s}
                  - setweight: 5
                  - rollback: true
                """))).containsExactly(
                "steps[0]: expected a step such as {setWeight: 10}, got nothing",
                "steps[1]: expected a step such as {setWeight: 10}, got \"setWeight\"",
                "steps[2]: has 2 keys (setWeight, pause); a step has exactly one",
                "steps[3]: expected one of setWeight, pause, analysis, chaos, setCanaryScale",
                "steps[4].setWeight: expected an integer, got \"ten\"",
                "steps[5].setWeight: expected an integer, got 12.5",
                "steps[6].setWeight: -1 is not in 0..100",
                "steps[7].pause: needs a duration, as pause: 30s or pause: {duration: 30s} (pause: {} waits for approval)",
                "steps[8].pause: expected a duration such as 30s, 2m, 1h, 500ms or PT30S, got 30",
                "steps[9].pause: \"30 seconds\" is not a duration (use 30s, 2m, 1h, 500ms or PT30S)",
                "steps[10].pause.duration: must be positive, got 0s",
                "steps[11].pause.duraton: unknown key (did you mean duration?)",
                "steps[11].pause.duration: required",
                "steps[12].analysis: needs a window, as analysis: {window: 2m}",
                "steps[13].analysis: expected a map, got \"2m\"",
                "steps[14].analysis.interval: unknown key (known: window)",
                "steps[15].setweight: unknown key (did you mean setWeight?)",
                "steps[16].rollback: unknown key (known: setWeight, pause, analysis, chaos, setCanaryScale)");
        assertThat(problems(VALID.replace("""
                  - setWeight: 10
                  - analysis: {window: 2m}
                """, "  []\n").replace("steps:\n", "steps:"))).containsExactly("steps: must have at least one step");
    }

    @Test
    void checksAnalysisSettingsAndCriteria() {
        assertThat(problems(VALID.replace("""
                analysis:
                  metrics:
                    - {metric: error_rate, max: 0.02}
                """, """
                analysis:
                  interval: 500ms
                  minSamples: 1
                  metric: []
                  metrics:
                    - {metric: error_rate}
                    - {metric: latency_p99_ms, maxRatio: 0}
                    - {metric: cpu_cores, min: 2, max: 1}
                    - {metric: error_rate, max: 0.1}
                    - {metric: memory_mib, maxratio: 1.5}
                    - {max: 1}
                    - {metric: request_rate, max: lots}
                    - error_rate
                """))).containsExactly(
                "analysis.metric: unknown key (did you mean metrics?)",
                "analysis.interval: must be at least 1s, got 500ms",
                "analysis.minSamples: 1 is not in 2..11000",
                "analysis.metrics[0]: needs at least one of max, min, maxRatio",
                "analysis.metrics[1].maxRatio: must be greater than 0, got 0",
                "analysis.metrics[2]: min 2 is greater than max 1",
                "analysis.metrics[3].metric: \"error_rate\" is already judged by analysis.metrics[0]",
                "analysis.metrics[4].maxratio: unknown key (did you mean maxRatio?)",
                "analysis.metrics[4]: needs at least one of max, min, maxRatio",
                "analysis.metrics[5].metric: required",
                "analysis.metrics[6].max: expected a number, got \"lots\"",
                "analysis.metrics[7]: expected a map, got \"error_rate\"");
    }

    @Test
    void analysisStepsNeedCriteriaAndWindowsThatHoldTheSamples() {
        String steps = """
                steps:
                  - setWeight: 10
                  - analysis: {window: 30s}
                  - setWeight: 50
                  - analysis: {window: 48h}
                  - analysis: {window: 1m}
                """;
        String base = VALID.substring(0, VALID.indexOf("steps:")) + steps + VALID.substring(VALID.indexOf("analysis:\n"));

        assertThat(problems(base.replace("analysis:\n  metrics:", "analysis:\n  minSamples: 6\n  metrics:"))).containsExactly(
                "steps[1].analysis.window: 30s holds 3 samples at analysis.interval 10s, fewer than analysis.minSamples 6",
                "steps[3].analysis.window: 48h holds 17280 samples at analysis.interval 10s; a metrics source serves at most 11000");
        assertThat(problems(base.replace("analysis:\n  metrics:", "analysis:\n  interval: 1m\n  minSamples: 2\n  metrics:")))
                .containsExactly(
                        "steps[1].analysis.window: 30s holds 0 samples at analysis.interval 1m, fewer than analysis.minSamples 2",
                        "steps[4].analysis.window: 1m holds 1 sample at analysis.interval 1m, fewer than analysis.minSamples 2");
        // a broken interval is reported once, not again at every window
        assertThat(problems(base.replace("analysis:\n  metrics:", "analysis:\n  interval: soon\n  metrics:")))
                .containsExactly("analysis.interval: \"soon\" is not a duration (use 30s, 2m, 1h, 500ms or PT30S)");

        String withoutCriteria = base.substring(0, base.indexOf("analysis:\n")) + VALID.substring(VALID.indexOf("gitops:"));
        assertThat(problems(withoutCriteria.replace("window: 30s", "window: 1m").replace("window: 48h", "window: 2m")))
                .containsExactly("analysis.metrics: required by the analysis steps at steps[1], steps[3], steps[4]");
        assertThat(problems(VALID.replace("""
                  metrics:
                    - {metric: error_rate, max: 0.02}
                """, "  metrics: []\n")))
                .containsExactly("analysis.metrics: required by the analysis step at steps[1]");
    }

    @Test
    void checksWhereThePromotionGoes() {
        String gitops = """
                gitops:
                  repo: http://127.0.0.1:8080/env.git
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """;
        String base = VALID.substring(0, VALID.indexOf("gitops:"));

        assertThat(problems(base + gitops.replace("  helm: image.tag\n", ""))).containsExactly(
                "gitops: needs exactly one of helm, yaml, kustomizeImage (where the value is)");
        assertThat(problems(base + gitops + "  yaml: a.b\n  kustomizeImage: x\n")).containsExactly(
                "gitops: has helm and yaml and kustomizeImage; give exactly one of helm, yaml, kustomizeImage");
        assertThat(problems(base + gitops.replace("http://127.0.0.1:8080/env.git", "git@github.com:acme/env.git")))
                .containsExactly("gitops.repo: SSH is not supported (use an http, https or file URL, or a path)");
        assertThat(problems(base + gitops.replace("http://127.0.0.1:8080/env.git", "ssh://git@host/env.git")))
                .containsExactly("gitops.repo: scheme \"ssh\" is not supported (use an http, https or file URL, or a path)");
        assertThat(problems(base + gitops.replace("http://127.0.0.1:8080/env.git", "https://bot:s3cret@host/env.git")))
                .containsExactly("gitops.repo: must not carry credentials; give them in gitops.credentials");
        assertThat(problems(base + gitops.replace("http://127.0.0.1:8080/env.git", "http:///env.git")))
                .containsExactly("gitops.repo: \"http:///env.git\" has no host");
        assertThat(problems(base + gitops.replace("apps/checkout/values.yaml", "/etc/values.yaml")
                + "  branch: feature..x\n")).containsExactly(
                "gitops.branch: \"feature..x\" is not a valid branch name",
                "gitops.file: must be a path inside the repository, relative to its root, got \"/etc/values.yaml\"");
        assertThat(problems(base + gitops.replace("apps/checkout/values.yaml", "apps/../../x.yaml"))).containsExactly(
                "gitops.file: must be a path inside the repository, relative to its root, got \"apps/../../x.yaml\"");
        assertThat(accepts(base + gitops.replace("http://127.0.0.1:8080/env.git", "file:///srv/git/env.git")
                + "  branch: release/2025-03\n")).isTrue();
    }

    @Test
    void credentialsAreAPairOfEnvironmentVariablesOrAnIdNeverBoth() {
        String base = VALID + "  credentials: ";

        assertThat(problems(base + "{usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN, credentialsId: env}\n"))
                .containsExactly("gitops.credentials: give usernameEnv and passwordEnv, or credentialsId, not both");
        assertThat(problems(base + "{usernameEnv: GIT_USER}\n"))
                .containsExactly("gitops.credentials.passwordEnv: required with usernameEnv");
        assertThat(problems(base + "{passwordEnv: GIT_TOKEN}\n"))
                .containsExactly("gitops.credentials.usernameEnv: required with passwordEnv");
        assertThat(problems(base + "{}\n"))
                .containsExactly("gitops.credentials: give usernameEnv and passwordEnv, or credentialsId");
        assertThat(problems(base + "{usernameEnv: GIT-USER, passwordEnv: GIT_TOKEN, password: hunter2}\n"))
                .containsExactly("gitops.credentials.password: unknown key (did you mean passwordEnv?)",
                        "gitops.credentials.usernameEnv: \"GIT-USER\" is not an environment variable name");
    }

    @Test
    void checksTheSimulation() {
        assertThat(problems(VALID + """
                simulation:
                  seed: 12345678901234567890
                  pods: 0
                  requestsPerSecond: -5
                  canaryRegresion: {}
                """)).containsExactly(
                "simulation.canaryRegresion: unknown key (did you mean canaryRegression?)",
                "simulation.seed: 12345678901234567890 does not fit in 64 bits",
                "simulation.pods: 0 is not in 1..10000",
                "simulation.requestsPerSecond: must be greater than 0, got -5");
        assertThat(problems(VALID + """
                simulation:
                  pods: 20000
                  canaryRegression: {errorRateDelta: 1.5, latencyFactor: 0, cpuFactor: -1, memoryFactor: 2}
                """)).containsExactly(
                "simulation.pods: 20000 is not in 1..10000",
                "simulation.canaryRegression.memoryFactor: unknown key (known: errorRateDelta, latencyFactor, cpuFactor)",
                "simulation.canaryRegression.errorRateDelta: 1.5 is not in 0..1",
                "simulation.canaryRegression.latencyFactor: must be greater than 0, got 0",
                "simulation.canaryRegression.cpuFactor: must be greater than 0, got -1");
    }

    @Test
    void aYamlSyntaxErrorIsOneProblemWithItsLineAndColumn() {
        assertThat(problems("app: checkout\nimage: a: b\n")).containsExactly(
                "YAML syntax error at line 2, column 9: mapping values are not allowed here");
        assertThat(problems("app: checkout\napp: other\n")).containsExactly(
                "YAML syntax error at line 2, column 6: duplicate key \"app\"");
        assertThat(problems("steps: [unclosed\ngitops: x\n")).singleElement().asString()
                .startsWith("YAML syntax error at line 2, column 7: ");
    }

    @Test
    void anEmptyDocumentOrOneThatIsNotAMapIsOneProblem() {
        assertThat(problems("")).containsExactly("the spec is empty");
        assertThat(problems("# nothing but a comment\n")).containsExactly("the spec is empty");
        assertThat(problems("- setWeight: 10\n")).containsExactly(
                "expected a map of app, image, strategy, steps, blueGreen, rolling, analysis, gitops, simulation, traffic, cluster, argocd, got a list");
    }
}
