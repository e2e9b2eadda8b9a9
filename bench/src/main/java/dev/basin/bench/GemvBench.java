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

/** y = A·x or y = Aᵀ·x (α = 1, β = 0, the forward-pass shape) on a square n×n row-major A. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemvBench {

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"false", "true"})
    public boolean trans;

    @Param({"16", "64", "256", "1024", "2048"})
    public int n;

    private KernelSupport k;
    private float[] as, xs, ys;
    private double[] ad, xd, yd;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        as = Data.floats(n * n, 1);
        xs = Data.floats(n, 2);
        ys = new float[n];
        ad = Data.doubles(n * n, 3);
        xd = Data.doubles(n, 4);
        yd = new double[n];
    }

    @Benchmark
    public void sgemv() {
        k.sgemv(trans, n, n, 1f, as, 0, n, xs, 0, 0f, ys, 0);
    }

    @Benchmark
    public void dgemv() {
        k.dgemv(trans, n, n, 1.0, ad, 0, n, xd, 0, 0.0, yd, 0);
    }
}
