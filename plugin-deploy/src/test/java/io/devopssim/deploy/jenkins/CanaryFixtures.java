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
}
