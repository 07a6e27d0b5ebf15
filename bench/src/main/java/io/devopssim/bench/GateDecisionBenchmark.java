package io.devopssim.bench;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.model.Judgement;
import io.devopssim.mlgate.gate.Evaluation;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.Features;
import io.devopssim.mlgate.gate.GateModel;
import io.devopssim.mlgate.gate.GateTrainer;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.gate.XgboostGate;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedRelease;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of one gate decision and of batch scoring. The model is trained in the setup on 400
 * simulated releases (training seeds) with the default parameters; the inputs are 100 releases on
 * evaluation seeds, cycled so that no single input is cached. Run by {@link GateJmhBench}.
 */
@State(Scope.Benchmark)
public class GateDecisionBenchmark {
    /** Rows scored by one call of {@link #batchOf1000}. */
    static final int BATCH = 1000;

    private GateModel model;
    private XgboostGate gate;
    private FeatureExtractor extractor;
    private AnalysisInput[] inputs;
    private float[][] vectors;
    private List<TrainingExample> batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = new FeatureExtractor();
        List<TrainingExample> training = SimulatedReleases.mix(SeedRange.TRAINING, 400, SimulatedReleases.FaultSizes.TRAINING)
                .stream().map(r -> new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label())).toList();
        model = new GateTrainer(TrainingParams.DEFAULT).train(training).model();
        gate = new XgboostGate(model);
        List<SimulatedRelease> releases = SimulatedReleases.mix(SeedRange.EVALUATION, 100, SimulatedReleases.FaultSizes.TRAINING);
        inputs = releases.stream().map(SimulatedRelease::input).toArray(AnalysisInput[]::new);
        vectors = releases.stream().map(r -> extractor.extract(r.input()).values()).toArray(float[][]::new);
        batch = java.util.stream.IntStream.range(0, BATCH)
                .mapToObj(i -> new TrainingExample(vectors[i % vectors.length], releases.get(i % vectors.length).bad(), "bench"))
                .toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    /** One decision as the gate makes it: features from the window, predict, SHAP reasons. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Judgement decision() {
        return gate.judge(inputs[next++ % inputs.length]);
    }

    /** Feature extraction alone (4 metrics, 30 points a side: means, quantiles, Mann-Whitney z, slope). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Features features() {
        return extractor.extract(inputs[next++ % inputs.length]);
    }

    /** One prediction from a ready feature vector (a new one-row DMatrix each time). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double predict() {
        return model.probabilityBad(vectors[next++ % vectors.length]);
    }

    /** Gate decisions per second, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Judgement decisionThroughput() {
        return gate.judge(inputs[next++ % inputs.length]);
    }

    /** Rows scored per second when 1,000 ready vectors go to the model in one DMatrix (back-testing, training checks). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public Evaluation batchOf1000() {
        return model.evaluate(batch, XgboostGate.DEFAULT_THRESHOLD);
    }
}
