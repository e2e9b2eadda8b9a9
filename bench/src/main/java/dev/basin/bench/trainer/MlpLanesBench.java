package dev.basin.bench.trainer;

import dev.basin.kernels.Activation;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.LaneTrainer;
import dev.basin.trainer.Loss;
import dev.basin.trainer.RunResult;
import dev.basin.trainer.TrainConfig;
import org.openjdk.jmh.annotations.*;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3, workload 4: 1,000 independent ReLU MLPs 2 → 16 → 1 on the same D = 64 points, in
 * lock-step (one run per SIMD lane), 100 full-batch SGD steps each (no stop rule fires: loss
 * tolerance 0, ε off). One op = 100,000 run-steps; run-steps/s = 1e5 / (s/op).
 * Peer: bench/peers/mlp_bmm.py (PyTorch bmm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MlpLanesBench {

    static final int RUNS = 1000, STEPS = 100;

    @Param({"1", "2"})
    public int threads;

    LaneTrainer lanes;
    long[] seeds;

    @Setup
    public void setup() {
        lanes = new LaneTrainer(Architecture.mlp(Activation.RELU, 2, 16, 1), DataSets.randomPoints(64, 2, 1),
                TrainConfig.defaults(Loss.MSE, 1e-3).withMaxEpochs(STEPS).withGradTolerance(-1));
        seeds = new long[RUNS];
        for (int i = 0; i < RUNS; i++) seeds[i] = i;
    }

    @Benchmark
    public List<RunResult> thousandRunsHundredSteps() {
        return lanes.run(seeds, threads);
    }
}
