package dev.basin.bench.trainer;

import dev.basin.kernels.Activation;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.Loss;
import dev.basin.trainer.TrainConfig;
import dev.basin.trainer.Trainer;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Issue 3, workload 3: a ReLU (or {@link #act}) MLP 2 → M → 1 on D = 64 random points, one full-batch SGD step
 * (forward, MSE, backward, update) in float32. Also seed 004's 3-parameter step. Run with
 * {@code -prof gc}: gc.alloc.rate.norm must be ≈ 0 B/op. Peer: bench/peers/mlp_step.py.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MlpStepBench {

    @Param({"16", "64", "256", "1024"})
    public int width;

    /** The hidden activation: RELU for the figures; TANH and SIGMOID run the exp polynomial. */
    @Param({"RELU"})
    public Activation act;

    Trainer mlp, abs;

    @Setup
    public void setup() {
        mlp = new Trainer(Architecture.mlp(act, 2, width, 1), DataSets.randomPoints(64, 2, 1),
                TrainConfig.defaults(Loss.MSE, 1e-4));
        mlp.network().initialize(1);
        abs = new Trainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004().withLearningRate(1e-6));
        abs.network().initialize(1);
    }

    @Benchmark
    public double mlpStep() {
        double loss = mlp.evaluate();
        mlp.trainEpoch();
        return loss;
    }

    @Benchmark
    public double absStep() {
        double loss = abs.evaluate();
        abs.trainEpoch();
        return loss;
    }
}
