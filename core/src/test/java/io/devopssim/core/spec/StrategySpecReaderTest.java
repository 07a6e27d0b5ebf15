package io.devopssim.core.spec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Blue-green, hybrid and rolling specs, and the canary's setCanaryScale step. */
class StrategySpecReaderTest {
    private static final String HEAD = """
            app: checkout
            image: ghcr.io/acme/checkout:1.5.0
            """;
    private static final String TAIL = """
            analysis:
              metrics:
                - {metric: error_rate, max: 0.02, maxRatio: 2.0}
            gitops:
              repo: http://127.0.0.1:8080/env.git
              file: apps/checkout/values.yaml
              helm: image.tag
            """;
    private static final AnalysisSpec SECTION = new AnalysisSpec(Duration.ofSeconds(10), 5,
            List.of(new MetricCriterion("error_rate", 0.02, null, 2.0)));

    private final RolloutSpecReader reader = new RolloutSpecReader();

    private RolloutSpec read(String body) throws InvalidSpecException {
        return reader.read(HEAD + body + TAIL);
    }

    private List<String> problems(String body) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> read(body));
        assertThat(e).as("expected the spec to be invalid:%n%s", body).isNotNull();
        return e.problems().stream().map(SpecProblem::toString).toList();
    }

    @Test
    void readsABlueGreenWithAnAnalysisOfTheSectionBeforeAndOneOfItsOwnAfterTheCutOver() throws Exception {
        RolloutSpec spec = read("""
                strategy: blueGreen
                blueGreen:
                  prePromotionAnalysis: {window: 2m}
                  postPromotionAnalysis:
                    window: 1m
                    interval: 5s
                    metrics: [{metric: latency_p99_ms, max: 300}]
                  autoPromotionEnabled: false
                  scaleDownDelaySeconds: 120
                """);

        assertThat(spec.strategy()).isEqualTo(Strategy.BLUE_GREEN);
        assertThat(spec.steps()).isEmpty();
        assertThat(spec.rolling()).isNull();
        assertThat(spec.blueGreen()).isEqualTo(new BlueGreenSpec(
                new AnalysisCheck(Duration.ofMinutes(2), SECTION, false),
                new AnalysisCheck(Duration.ofMinutes(1), new AnalysisSpec(Duration.ofSeconds(5), 5,
                        List.of(new MetricCriterion("latency_p99_ms", 300.0, null, null))), true),
                false, 120));
    }

    @Test
    void aBlueGreenWithoutItsSectionPromotesAutomaticallyAndScalesDownAfter30Seconds() throws Exception {
        assertThat(read("strategy: blueGreen\n").blueGreen()).isEqualTo(BlueGreenSpec.DEFAULT)
                .isEqualTo(new BlueGreenSpec(null, null, true, 30));
    }

    @Test
    void readsAHybridAsCanaryStepsBelow100AndABlueGreenCutOver() throws Exception {
        RolloutSpec spec = read("""
                strategy: hybrid
                steps:
                  - setWeight: 5
                  - analysis: {window: 2m}
                  - setWeight: 20
                  - analysis: {window: 2m}
                blueGreen:
                  postPromotionAnalysis: {window: 2m, metrics: [{metric: error_rate, max: 0.02}]}
                """);

        assertThat(spec.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(spec.steps()).containsExactly(new StepSpec.SetWeight(5), new StepSpec.Analysis(Duration.ofMinutes(2)),
                new StepSpec.SetWeight(20), new StepSpec.Analysis(Duration.ofMinutes(2)));
        assertThat(spec.blueGreen().postPromotionAnalysis().criteria().metrics())
                .containsExactly(new MetricCriterion("error_rate", 0.02, null, null));
        assertThat(spec.blueGreen().prePromotionAnalysis()).isNull();
    }

    @Test
    void refusesAHybridStepAt100ASetCanaryScaleAndAPrePromotionAnalysis() {
        assertThat(problems("""
                strategy: hybrid
                steps:
                  - setWeight: 10
                  - setCanaryScale: {replicas: 2}
                  - setWeight: 100
                blueGreen:
                  prePromotionAnalysis: {window: 2m}
                """)).containsExactly(
                "steps[1].setCanaryScale: not a hybrid step (its canary phase takes setWeight, pause, analysis and chaos;"
                        + " the cut-over runs the release at full scale)",
                "steps[2].setWeight: a hybrid's canary steps stay below 100 (its cut-over takes the release to 100%)",
                "blueGreen.prePromotionAnalysis: not used by a hybrid: its canary steps analyse before the cut-over (add an"
                        + " analysis step)");
        assertThat(problems("strategy: hybrid\n")).containsExactly("steps: required");
    }

    @Test
    void readsARollingUpdateWithIntegersOrPercentagesAsKubernetesDoes() throws Exception {
        RolloutSpec spec = read("""
                strategy: rolling
                rolling:
                  maxSurge: 2
                  maxUnavailable: 10%
                  healthCheck: {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}
                """);

        assertThat(spec.rolling().maxSurge()).isEqualTo(new IntOrPercent(2, false));
        assertThat(spec.rolling().maxUnavailable()).isEqualTo(new IntOrPercent(10, true));
        assertThat(spec.rolling().healthCheck().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(spec.rolling().healthCheck().inline()).isTrue();
        // 10 replicas: surge 2, unavailable floor(1.0) = 1, so 3 per batch
        assertThat(spec.rolling().batches(spec.simulation().pods())).containsExactly(3, 6, 9, 10);

        RolloutSpec defaults = read("""
                strategy: rolling
                rolling:
                  healthCheck: {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}
                """);
        assertThat(defaults.rolling().maxSurge()).isEqualTo(IntOrPercent.QUARTER);
        assertThat(defaults.rolling().maxUnavailable()).isEqualTo(IntOrPercent.QUARTER);
        // 25% of 10: surge rounds up to 3, unavailable down to 2
        assertThat(defaults.rolling().batches(10)).containsExactly(5, 10);
    }

    @Test
    @DisplayName("a health check or a post-promotion analysis cannot compare with a baseline: none takes traffic then")
    void refusesRatiosWhereNoBaselineTakesTraffic() {
        assertThat(problems("""
                strategy: rolling
                rolling:
                  healthCheck: {window: 1m}
                """)).containsExactly("rolling.healthCheck: judged by the analysis section, which compares with a baseline"
                + " (maxRatio of error_rate), but after the last batch no replica of the previous version is left to compare"
                + " with: give this analysis metrics of its own with max or min");
        assertThat(problems("""
                strategy: blueGreen
                blueGreen:
                  postPromotionAnalysis:
                    window: 2m
                    judge: mannWhitney
                    metrics: [{metric: error_rate, max: 0.02}, {metric: latency_p99_ms, maxRatio: 1.5}]
                """)).containsExactly(
                "blueGreen.postPromotionAnalysis.judge: mannWhitney compares with a baseline, but after the cut-over no"
                        + " version takes traffic beside the release: use threshold",
                "blueGreen.postPromotionAnalysis.metrics[1].maxRatio: compares with a baseline, but after the cut-over no"
                        + " version takes traffic beside the release: use max or min");
    }

    @Test
    void reportsEveryProblemOfTheNewSectionsAtOnceWithTheirPaths() {
        assertThat(problems("""
                strategy: blueGreen
                steps:
                  - setWeight: 10
                blueGreen:
                  prePromotionAnalysis: {window: 20s}
                  postPromotionAnalysis: {window: 2m, interval: 30s}
                  autoPromotionEnabled: "no"
                  scaleDownDelaySeconds: -1
                  previewReplicas: 2
                rolling:
                  maxSurge: 1
                """)).containsExactly(
                "steps: not used by strategy blueGreen (only canary and hybrid have steps)",
                "blueGreen.previewReplicas: unknown key (known: prePromotionAnalysis, postPromotionAnalysis,"
                        + " autoPromotionEnabled, scaleDownDelaySeconds)",
                "blueGreen.prePromotionAnalysis.window: 20s holds 2 samples at analysis.interval 10s, fewer than"
                        + " analysis.minSamples 5",
                "blueGreen.postPromotionAnalysis.metrics: required in an analysis with criteria of its own (or leave out"
                        + " interval, minSamples and judge to judge by the analysis section)",
                "blueGreen.postPromotionAnalysis.window: 2m holds 4 samples at blueGreen.postPromotionAnalysis.interval 30s,"
                        + " fewer than blueGreen.postPromotionAnalysis.minSamples 5",
                "blueGreen.autoPromotionEnabled: expected true or false, got \"no\"",
                "blueGreen.scaleDownDelaySeconds: -1 is not in 0..86400",
                "rolling: only used by strategy rolling (strategy is blueGreen)");
        assertThat(problems("""
                strategy: rolling
                rolling:
                  maxSurge: 0
                  maxUnavailable: 5%
                  healthCheck: {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}
                """)).containsExactly("rolling: maxSurge 0 and maxUnavailable 5% of 10 replicas (simulation.pods) round to 0"
                + " (surge up, unavailable down): no replica could ever be replaced");
        assertThat(problems("""
                strategy: rolling
                rolling: {maxSurge: 150%, maxUnavailable: "2", maxsurge: 1}
                """)).containsExactly(
                "rolling.maxsurge: unknown key (did you mean maxSurge?)",
                "rolling.maxSurge: 150% is more than 100%",
                "rolling.maxUnavailable: expected a number of replicas or a percentage such as 25%, got \"2\"",
                "rolling.healthCheck: required: the analysis judged after every batch, as healthCheck: {window: 1m,"
                        + " metrics: [{metric: error_rate, max: 0.02}]}");
        assertThat(problems("strategy: rolling\n")).containsExactly("rolling: required, with at least a healthCheck, as"
                + " rolling: {healthCheck: {window: 1m, metrics: [{metric: error_rate, max: 0.02}]}}");
        assertThat(problems("blueGreen: {}\nsteps: [{setWeight: 10}]\n"))
                .containsExactly("blueGreen: only used by strategy blueGreen or hybrid (strategy is canary)");
    }

    @Test
    void anAnalysisOfTheSectionNeedsItsMetrics() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> reader.read(HEAD + """
                strategy: hybrid
                steps:
                  - setWeight: 10
                  - analysis: {window: 1m}
                blueGreen:
                  postPromotionAnalysis: {window: 1m}
                gitops:
                  repo: http://127.0.0.1:8080/env.git
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """));

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "analysis.metrics: required by the analysis step at steps[1] and blueGreen.postPromotionAnalysis");
    }

    @Test
    void readsSetCanaryScaleInItsThreeFormsAndRefusesTheRest() throws Exception {
        RolloutSpec spec = read("""
                steps:
                  - setCanaryScale: {replicas: 3}
                  - setWeight: 10
                  - setCanaryScale: {weight: 50}
                  - setCanaryScale: {matchTrafficWeight: true}
                """);

        assertThat(spec.steps()).containsExactly(new StepSpec.SetCanaryScale(CanaryScale.replicas(3)),
                new StepSpec.SetWeight(10), new StepSpec.SetCanaryScale(CanaryScale.weight(50)),
                new StepSpec.SetCanaryScale(CanaryScale.MATCH_TRAFFIC_WEIGHT));
        assertThat(problems("""
                steps:
                  - setCanaryScale: {replicas: 3, weight: 10}
                  - setCanaryScale: {weight: 101}
                  - setCanaryScale: {matchTrafficWeight: false}
                  - setCanaryScale: {replica: 2}
                  - setCanaryScale: 3
                """)).containsExactly(
                "steps[0].setCanaryScale: needs exactly one of replicas, weight, matchTrafficWeight, forecast, as setCanaryScale:"
                        + " {replicas: 2}",
                "steps[1].setCanaryScale.weight: 101 is not in 0..100",
                "steps[2].setCanaryScale.matchTrafficWeight: only true is meaningful (replicas follow the traffic weight"
                        + " again); leave the step out otherwise",
                "steps[3].setCanaryScale.replica: unknown key (did you mean replicas?)",
                "steps[3].setCanaryScale: needs exactly one of replicas, weight, matchTrafficWeight, forecast, as setCanaryScale:"
                        + " {replicas: 2}",
                "steps[4].setCanaryScale: expected a map, got 3");
    }

    @Test
    void readsAForecastScaleWithItsSizingRuleAndRefusesOneWithout() throws Exception {
        RolloutSpec spec = read("""
                steps:
                  - setCanaryScale: {forecast: {requestsPerReplica: 50}}
                  - setWeight: 10
                  - setCanaryScale: {forecast: {requestsPerReplica: 12.5, headroom: 0.5, min: 2, max: 8}}
                """);

        assertThat(spec.steps()).containsExactly(
                new StepSpec.SetCanaryScale(CanaryScale.forecast(new ReplicaSizing(50, 0.25, 1, SimulationSpec.MAX_PODS))),
                new StepSpec.SetWeight(10),
                new StepSpec.SetCanaryScale(CanaryScale.forecast(new ReplicaSizing(12.5, 0.5, 2, 8))));
        assertThat(problems("""
                steps:
                  - setCanaryScale: {forecast: true}
                  - setCanaryScale: {forecast: {requestsPerReplica: 0}}
                  - setCanaryScale: {forecast: {requestsPerReplica: 10, min: 5, max: 2}}
                  - setCanaryScale: {forecast: {requestsPerReplica: 10, headroom: -1, perReplica: 3}}
                  - setCanaryScale: {forecast: {requestsPerReplica: 10}, replicas: 2}
                """)).containsExactly(
                "steps[0].setCanaryScale.forecast: needs the sizing rule, as forecast: {requestsPerReplica: 50} (headroom 0.25,"
                        + " min 1, max 10000 by default)",
                "steps[1].setCanaryScale.forecast.requestsPerReplica: must be positive, got 0.0",
                "steps[2].setCanaryScale.forecast.max: must be at least min (5), got 2",
                "steps[3].setCanaryScale.forecast.perReplica: unknown key (known: requestsPerReplica, headroom, min, max)",
                "steps[3].setCanaryScale.forecast.headroom: -1.0 is not in 0..10 (0.25 is 25% over the forecast)",
                "steps[4].setCanaryScale: needs exactly one of replicas, weight, matchTrafficWeight, forecast, as"
                        + " setCanaryScale: {replicas: 2}");
    }

    @Test
    void aForecastScaleSizesTheCanaryForItsShareOnceTheRateIsKnown() {
        CanaryScale asked = CanaryScale.forecast(new ReplicaSizing(50, 0.25, 1, 20));
        assertThat(asked.needsForecast()).isTrue();
        assertThatThrownBy(() -> asked.pods(10, 10)).hasMessageContaining("waits for a forecast");
        CanaryScale sized = asked.forecastAt(400);
        assertThat(sized.needsForecast()).isFalse();
        // 400 req/s: 10 % is 40, +25 % is 50: one replica; 25 % is 100, 125: three; 100 %: 500 / 50 = 10
        assertThat(sized.pods(4, 10)).isEqualTo(1);
        assertThat(sized.pods(4, 25)).isEqualTo(3);
        assertThat(sized.pods(4, 100)).isEqualTo(10);
        assertThat(sized.pods(4, 0)).isZero();
        assertThat(sized.describe()).isEqualTo("replicas for its share of a forecast 400 req/s (50 req/s each, +25%, 1..20)");
        assertThat(asked.describe()).isEqualTo("replicas for its share of the forecast request rate (50 req/s each, +25%, 1..20)");
    }

    @Test
    void canaryScalePodsFollowReplicasAWeightOrTheTrafficWeight() {
        assertThat(CanaryScale.replicas(3).pods(10, 50)).isEqualTo(3);
        assertThat(CanaryScale.weight(25).pods(10, 0)).isEqualTo(3);
        assertThat(CanaryScale.MATCH_TRAFFIC_WEIGHT.pods(10, 10)).isEqualTo(1);
        assertThat(CanaryScale.MATCH_TRAFFIC_WEIGHT.pods(10, 0)).isZero();
    }

    @Test
    void batchesOfARollingUpdateEndWithEveryReplica() {
        AnalysisCheck check = new AnalysisCheck(Duration.ofMinutes(1), SECTION, false);
        assertThat(new RollingSpec(new IntOrPercent(1, false), new IntOrPercent(0, false), check).batches(3))
                .containsExactly(1, 2, 3);
        assertThat(new RollingSpec(new IntOrPercent(100, true), new IntOrPercent(0, true), check).batches(7))
                .containsExactly(7);
        assertThat(new RollingSpec(new IntOrPercent(25, true), new IntOrPercent(25, true), check).batchSize(3))
                .as("25% of 3: surge up to 1, unavailable down to 0").isEqualTo(1);
    }
}
