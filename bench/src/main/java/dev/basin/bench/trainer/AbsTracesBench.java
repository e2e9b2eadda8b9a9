package dev.basin.bench.trainer;

import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.LaneTrainer;
import dev.basin.trainer.MemoryTraceSink;
import dev.basin.trainer.TrainConfig;
import dev.basin.trainer.Trainer;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Issue 3, workload 2: seed 004's model trained one run at a time, as the seed did, 100 traces
 * (seeds 0..99) with every epoch recorded in memory (epoch, loss, gradient norm, 3 parameters).
 * One op = 100 traces. {@code hundredTraces}: one {@link Trainer} run after another, as the seed
 * did; {@code hundredTracesInLanes}: the 100 runs side by side in SIMD lanes, traced the same way.
 * Peer: bench/peers/abs_xor_eager.py (PyTorch eager autograd + optim.SGD).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AbsTracesBench {

    Trainer trainer;
    LaneTrainer lanes;
    long[] seeds = new long[100];

    @Setup
    public void setup() {
        trainer = new Trainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
        lanes = new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
        for (int i = 0; i < 100; i++) seeds[i] = i;
    }

    @Benchmark
    public MemoryTraceSink hundredTracesInLanes() {
        MemoryTraceSink sink = new MemoryTraceSink();
        lanes.run(seeds, 1, sink);
        return sink;
    }

    @Benchmark
    public MemoryTraceSink hundredTraces() {
        MemoryTraceSink sink = new MemoryTraceSink();
        for (int run = 0; run < 100; run++) trainer.run(run, run, sink);
        return sink;
    }
}
