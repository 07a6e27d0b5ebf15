package io.devopssim.multicloud;

import io.devopssim.core.forecast.SameTimeYesterday;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.metrics.MetricsUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Waves sized by core's forecasting port through {@link ModelLoadForecaster}, each cluster's history read from its
 * simulated fleet. The model is core's seasonal naive one (the rate at the same time yesterday), since this module cannot see
 * plugin-ml-gate's XGBoost one; the cli's test runs that one.
 */
class ModelLoadForecasterTest {
    private static final Pattern SIZED = Pattern.compile(
            "\\[plan] do-ams3: helm replicaCount 4 -> (\\d+) for a forecast peak of (\\d+) req/s \\(same time yesterday: peak \\d+"
                    + " req/s at \\d\\d:\\d\\d UTC over the next 4m\\) in commit .*");

    @TempDir
    Path tmp;

    private WaveWorld world(String name) throws Exception {
        EnvRepo repo = EnvRepo.local(tmp.resolve(name), EnvRepo.files(WaveEngineTest.CLUSTERS, 25));
        return new WaveWorld(tmp.resolve(name), repo, GitCredentials.ANONYMOUS,
                WaveWorld.simulatedRegistry(WaveEngineTest.CLUSTERS), WaveEngineTest.plan("abort", "gke-ew1, aks-we", ""));
    }

    @Test
    @DisplayName("each cluster is sized for the peak the model forecasts from the cluster's own request-rate history")
    void shouldSizeEachClusterFromItsForecast() throws Exception {
        try (WaveWorld w = world("model")) {
            w.forecaster = new ModelLoadForecaster(SameTimeYesterday.DAILY, ModelLoadForecaster.simulated(w.plan, w.clock));

            WaveRunState end = w.run();

            assertThat(end.phase()).isEqualTo(PlanPhase.SUCCEEDED);
            Matcher sized = w.lines.stream().map(SIZED::matcher).filter(Matcher::matches).findFirst().orElseThrow(
                    () -> new AssertionError("no sizing line in " + w.lines));
            int replicas = Integer.parseInt(sized.group(1));
            double peak = Double.parseDouble(sized.group(2));
            // 150 req/s swinging +-20 % a day: ~176 req/s at 10:00 UTC; yesterday's value is within the 3 % noise
            assertThat(peak).isCloseTo(176, within(176 * 0.06));
            assertThat(replicas).isEqualTo(w.plan.replicas().rule().replicas(peak)).isBetween(9, 10);
            assertThat(w.repo.values("do-ams3")).contains("replicaCount: " + replicas + "\n");
        }
    }

    @Test
    @DisplayName("a cluster without a request-rate history fails its wave before any sizing commit")
    void shouldFailTheWaveWithoutHistory() throws Exception {
        try (WaveWorld w = world("down")) {
            w.forecaster = new ModelLoadForecaster(SameTimeYesterday.DAILY, cluster -> query -> {
                throw new MetricsUnavailableException("prometheus of " + cluster.name() + ": connection refused");
            });

            WaveRunState end = w.run();

            assertThat(end.phase()).isNotEqualTo(PlanPhase.SUCCEEDED);
            assertThat(end.outcome()).contains("cannot size do-ams3: cluster do-ams3: no request-rate history: prometheus of"
                    + " do-ams3: connection refused");
            assertThat(w.repo.steps()).containsExactly("seed");
        }
    }
}
