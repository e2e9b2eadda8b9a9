package dev.basin.bench;

import dev.basin.kernels.KernelSupport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Rank-1 update A += α·x·yᵀ on a square n×n A; α alternates sign so A stays bounded. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GerBench {

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"16", "64", "256", "1024", "2048"})
    public int n;

    private KernelSupport k;
    private float[] as, xs, ys;
    private double[] ad, xd, yd;
    private boolean flip;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        as = Data.floats(n * n, 1);
        xs = Data.floats(n, 2);
        ys = Data.floats(n, 3);
        ad = Data.doubles(n * n, 4);
        xd = Data.doubles(n, 5);
        yd = Data.doubles(n, 6);
    }

    @Benchmark
    public void sger() {
        flip = !flip;
        k.ger(n, n, flip ? 0.5f : -0.5f, xs, 0, ys, 0, as, 0, n);
    }

    @Benchmark
    public void dger() {
        flip = !flip;
        k.ger(n, n, flip ? 0.5 : -0.5, xd, 0, yd, 0, ad, 0, n);
    }
}
