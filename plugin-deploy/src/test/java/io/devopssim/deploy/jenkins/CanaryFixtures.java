package io.devopssim.deploy.jenkins;

/** Rollout specs for the step tests, over the simulated fleet and an environment repository. */
final class CanaryFixtures {
    private CanaryFixtures() {
    }

    /** Four steps (10%, analysis, 50%, analysis), error rate judged; {@code errorDelta} makes the canary fail. */
    static String spec(String repoUrl, String tag, String errorDelta) {
        return """
                app: checkout
                image: ghcr.io/acme/checkout:%s
                steps:
                  - setWeight: 10
                  - analysis: {window: 2m}
                  - setWeight: 50
                  - analysis: {window: 2m}
                analysis:
                  interval: 10s
                  minSamples: 6
                  metrics:
                    - {metric: error_rate, max: 0.02, maxRatio: 2.0}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                simulation:
                  seed: 11
                  canaryRegression: {errorRateDelta: %s}
                """.formatted(tag, repoUrl, errorDelta);
    }

    /** The same with a {@code pause: {}} (until approved) after the first analysis. */
    static String withApproval(String repoUrl, String tag) {
        return spec(repoUrl, tag, "0.0").replace("  - setWeight: 50", "  - pause: {}\n  - setWeight: 50");
    }

    /** After the cut-over or the last batch no baseline takes traffic: absolute bounds. */
    private static final String ABSOLUTE = "{window: 2m, metrics: [{metric: error_rate, max: 0.02}]}";

    /** A spec of another strategy: {@code body} is its part (strategy and section). */
    static String strategy(String repoUrl, String body, String errorDelta) {
        return """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                %sanalysis:
                  interval: 10s
                  minSamples: 6
                  metrics:
                    - {metric: error_rate, max: 0.02, maxRatio: 2.0}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                simulation:
                  seed: 7
                  pods: 10
                  canaryRegression: {errorRateDelta: %s}
                """.formatted(body, repoUrl, errorDelta);
    }

    static String blueGreen(String repoUrl, String errorDelta, boolean autoPromotion) {
        return strategy(repoUrl, """
                strategy: blueGreen
                blueGreen:
                  prePromotionAnalysis: {window: 2m}
                  postPromotionAnalysis: %s
                  autoPromotionEnabled: %s
                  scaleDownDelaySeconds: 60
                """.formatted(ABSOLUTE, autoPromotion), errorDelta);
    }

    static String hybrid(String repoUrl) {
        return strategy(repoUrl, """
                strategy: hybrid
                steps:
                  - setWeight: 10
                  - analysis: {window: 2m}
                blueGreen:
                  postPromotionAnalysis: %s
                  scaleDownDelaySeconds: 0
                """.formatted(ABSOLUTE), "0.0");
    }

    static String rolling(String repoUrl, String errorDelta) {
        return strategy(repoUrl, """
                strategy: rolling
                rolling:
                  maxSurge: 2
                  maxUnavailable: 3
                  healthCheck: %s
                """.formatted(ABSOLUTE.replace("2m", "1m")), errorDelta);
    }
}
