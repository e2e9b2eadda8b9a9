package dev.basin.bench.trainer;

import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.MemoryTraceSink;
import dev.basin.trainer.TrainConfig;
import dev.basin.trainer.Trainer;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Issue 3, workload 2: seed 004's model trained one run at a time, as the seed did, 100 traces
 * (seeds 0..99) with every epoch recorded in memory (epoch, loss, gradient norm, 3 parameters).
 * One op = 100 traces. Peer: bench/peers/abs_xor_eager.py (PyTorch eager autograd + optim.SGD).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AbsTracesBench {

    Trainer trainer;

    @Setup
    public void setup() {
        trainer = new Trainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
    }

    @Benchmark
    public MemoryTraceSink hundredTraces() {
        MemoryTraceSink sink = new MemoryTraceSink();
        for (int run = 0; run < 100; run++) trainer.run(run, run, sink);
        return sink;
    }
}
