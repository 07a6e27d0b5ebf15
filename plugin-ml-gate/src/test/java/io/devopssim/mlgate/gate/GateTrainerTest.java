package io.devopssim.mlgate.gate;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GateTrainerTest {
    @Test
    void trainingRoundByRoundWithProgressGivesTheModelOfOneCallForAllRounds() throws Exception {
        List<TrainingExample> examples = TrainedModels.training().subList(0, 200);
        TrainingParams params = new TrainingParams(25, 3, 0.2, 7, 1);
        List<String> progress = new ArrayList<>();

        GateTrainer.Trained trained = new GateTrainer(params).train(examples, (done, total) -> progress.add(done + "/" + total));
        DMatrix matrix = GateTrainer.matrix(examples);
        Booster reference = XGBoost.train(matrix, params.xgboost(), params.rounds(), Map.of(), null, null);
        try (GateModel model = trained.model()) {
            float[][] expected = reference.predict(matrix);
            for (int i = 0; i < examples.size(); i++) {
                assertThat(model.probabilityBad(examples.get(i).features())).isEqualTo(expected[i][0], org.assertj.core.data.Offset.offset(1e-7));
            }
        } finally {
            reference.dispose();
            matrix.dispose();
        }
        assertThat(progress).containsExactly("10/25", "20/25", "25/25");
    }
}
