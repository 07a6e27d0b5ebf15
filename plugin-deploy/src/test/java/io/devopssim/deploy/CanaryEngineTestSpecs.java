package io.devopssim.deploy;

import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.RolloutSpec;

/** The engine tests' canary spec, for tests in other packages. */
public final class CanaryEngineTestSpecs {
    private CanaryEngineTestSpecs() {
    }

    public static RolloutSpec healthy(EnvRepoFixture env) {
        return CanaryEngineTest.spec(env, "1.5.0", RegressionSpec.NONE);
    }
}
