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

/**
 * Gram matrix C = A·Aᵀ (α = 1, β = 0) with A n×n. Sizes stay small: the Gram kernel serves the
 * rank and convergence analyses on layer-sized matrices, not big dense algebra.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GramBench {

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"16", "64", "256", "512"})
    public int n;

    private KernelSupport k;
    private float[] as, cs;
    private double[] ad, cd;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        as = Data.floats(n * n, 1);
        cs = new float[n * n];
        ad = Data.doubles(n * n, 2);
        cd = new double[n * n];
    }

    @Benchmark
    public void sgram() {
        k.gram(n, n, 1f, as, 0, n, 0f, cs, 0, n);
    }

    @Benchmark
    public void dgram() {
        k.gram(n, n, 1.0, ad, 0, n, 0.0, cd, 0, n);
    }
}
