package io.devopssim.deploy;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.routing.GitOpsRouter;

import java.util.Map;

/**
 * Rollouts whose every weight is a commit to an environment repository (GitOps router), applied to a simulated
 * fleet as Argo CD would apply it: the repository's files, the specs of each strategy, and the engine. Shared by
 * the GitOps resume test and the Argo CD wait test.
 */
public final class GitOpsTraffic {
    public static final String ROLLOUT_ID = "checkout-1.5.0";
    public static final String VALUES_FILE = "apps/checkout/values.yaml";
    public static final String WEIGHT_FILE = "apps/checkout/canary.yaml";
    public static final String VALUES = "image:\n  repository: ghcr.io/acme/checkout\n  tag: \"1.4.2\"\n";
    public static final String WEIGHT = "canary:\n  weight: 0\n";
    public static final String CANARY_STEPS = """
            steps:
              - setWeight: 10
              - pause: 1m
              - setWeight: 50
              - pause: 1m
            """;
    /** After the cut-over or the last batch no baseline takes traffic: absolute bounds. */
    private static final String ABSOLUTE = "{window: 2m, metrics: [{metric: error_rate, max: 0.02}, {metric: latency_p99_ms, max: 150}]}";
    public static final String BLUE_GREEN = """
            strategy: blueGreen
            blueGreen:
              postPromotionAnalysis: %s
              scaleDownDelaySeconds: 60
            """.formatted(ABSOLUTE);
    /** 4 replicas, two per batch: weights 50 and 100. */
    public static final String ROLLING = """
            strategy: rolling
            rolling: {maxSurge: 1, maxUnavailable: 1, healthCheck: %s}
            """.formatted(ABSOLUTE.replace("2m", "1m"));

    private GitOpsTraffic() {
    }

    /** The environment repository's files: the image tag and, apart from it, the weight. */
    public static Map<String, String> files() {
        return Map.of(VALUES_FILE, VALUES, WEIGHT_FILE, WEIGHT);
    }

    /**
     * @param strategy       the strategy's part ({@link #CANARY_STEPS}, {@link #BLUE_GREEN}, {@link #ROLLING})
     * @param trafficOptions more fields of {@code traffic:}, e.g. {@code , waitForSync: true}
     * @param sections       more sections, e.g. {@code cluster:} and {@code argocd:}, each ending with a new line
     */
    public static RolloutSpec spec(String url, String strategy, String trafficOptions, String sections)
            throws InvalidSpecException {
        return new RolloutSpecReader().read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                %sanalysis: {minSamples: 6, metrics: [{metric: error_rate, max: 0.02, maxRatio: 2.0}]}
                gitops: {repo: %s, file: %s, helm: image.tag, credentials: {usernameEnv: GIT_USER, passwordEnv: GIT_TOKEN}}
                traffic: {router: gitops, file: %s, helm: canary.weight%s}
                %ssimulation: {seed: 7, pods: 4}
                """.formatted(strategy, url, VALUES_FILE, WEIGHT_FILE, trafficOptions, sections));
    }

    /** The spec's engine, its weights committed through {@code promoter} and applied to {@code fleet}. */
    public static RolloutEngine engine(RolloutSpec spec, Promoter promoter, GitCredentials credentials, FleetSimulator fleet,
                                       StateStore store, Clock clock, RolloutContext.RetryPolicy retry,
                                       DeploymentVerifier verifier) {
        return RolloutEngines.create(new RolloutContext(ROLLOUT_ID, spec,
                new FleetAppliedRouter(new GitOpsRouter(promoter, (TrafficSpec.GitOps) spec.runtime().traffic(), credentials,
                        ROLLOUT_ID, spec.app()), fleet),
                new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())), promoter, credentials, store, clock,
                RolloutListener.NONE, retry, ChaosExperiments.NONE, verifier));
    }
}
