package io.devopssim.mlgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.Test;

import java.util.List;

class ThresholdCalibrationTest {

    @Test
    void shouldFailAtMostTheAllowedShareOfHealthyReleases() {
        GateModel model = new GateTrainer(new TrainingParams(20, 3, 0.3, 1, 1)).train(TrainedModels.training()).model();
        List<TrainingExample> healthy = TrainedModels.examples(SimulatedReleases.fixed(
                new SeedRange(SeedRange.TRAINING.seed(50_000), 100), 100, FaultKind.HEALTHY, 0));

        double strict = ThresholdCalibration.forFalseAlarmRate(model, healthy, 0.0, 0.0);
        double lenient = ThresholdCalibration.forFalseAlarmRate(model, healthy, 0.05, 0.0);

        assertThat(healthy).noneMatch(e -> model.probabilityBad(e.features()) >= strict);
        assertThat(healthy.stream().filter(e -> model.probabilityBad(e.features()) >= lenient).count()).isLessThanOrEqualTo(5);
        assertThat(lenient).isLessThanOrEqualTo(strict);
        assertThat(ThresholdCalibration.forFalseAlarmRate(model, healthy, 0.05, 0.5)).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void shouldRefuseBadExamples() {
        List<TrainingExample> mixed = TrainedModels.training().subList(0, 20);
        GateModel model = new GateTrainer(new TrainingParams(2, 2, 0.3, 1, 1)).train(TrainedModels.training()).model();

        assertThatThrownBy(() -> ThresholdCalibration.forFalseAlarmRate(model, mixed, 0.01, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
