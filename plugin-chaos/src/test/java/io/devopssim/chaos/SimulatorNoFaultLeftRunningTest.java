package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.spec.RegressionSpec;

class SimulatorNoFaultLeftRunningTest extends NoFaultLeftRunningContract {

    @Override
    protected ChaosBackend backend() {
        return given.backend;
    }

    @Override
    protected void assertNothingRunning() {
        assertThat(given.backend.active()).isEmpty();
        assertThat(given.fleet.regression()).isEqualTo(RegressionSpec.NONE);
    }
}
