package dev.basin.bench.trainer;

import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.LaneTrainer;
import dev.basin.trainer.RunResult;
import dev.basin.trainer.TrainConfig;
import org.openjdk.jmh.annotations.*;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3, workload 1: seed 004's y = |w·x + b| on centered XOR (MSE over the 4 points), 100,000
 * independent runs from N(0,1) initialisations to loss &lt; 1e-3 (lr 0.05, cap 1,000 epochs), all in
 * SIMD lanes, on 1 and 2 threads. One op = all 100,000 runs. run-epochs/s = {@link #RUN_EPOCHS}
 * (printed at setup: the sum over runs of the epochs each trained) / (s/op).
 * Peer: bench/peers/abs_xor_vectorised.py.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AbsLanesBench {

    static final int RUNS = 100_000;
    static long RUN_EPOCHS;

    @Param({"1", "2"})
    public int threads;

    LaneTrainer lanes;
    long[] seeds;

    @Setup
    public void setup() {
        lanes = new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
        seeds = new long[RUNS];
        for (int i = 0; i < RUNS; i++) seeds[i] = i;
        List<RunResult> r = lanes.run(seeds, 1);
        long epochs = 0, conv = 0;
        for (RunResult x : r) {
            epochs += x.epochs();
            if (x.status() == dev.basin.trainer.Status.CONVERGED) conv++;
        }
        RUN_EPOCHS = epochs;
        System.out.println("\n[abs-lanes] " + RUNS + " runs, " + conv + " converged, run-epochs per op = " + epochs);
    }

    @Benchmark
    public List<RunResult> hundredThousandRuns() {
        return lanes.run(seeds, threads);
    }
}
