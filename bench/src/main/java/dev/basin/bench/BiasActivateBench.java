package dev.basin.bench;

import dev.basin.kernels.Activation;
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
 * Fused bias + activation over a rows×n block (a mini-batch of rows samples, n units): z += b in
 * place, y = act(z). The bias alternates between b and −b so z returns to its start every second
 * call instead of drifting.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class BiasActivateBench {

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"ABS", "RELU", "TANH", "SIGMOID"})
    public Activation act;

    @Param({"64"})
    public int rows;

    @Param({"16", "64", "256", "1024", "2048"})
    public int n;

    private KernelSupport k;
    private float[] zs, ys, bs, negBs;
    private double[] zd, yd, bd, negBd;
    private boolean flip;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        zs = Data.floats(rows * n, 1);
        zd = Data.doubles(rows * n, 2);
        ys = new float[rows * n];
        yd = new double[rows * n];
        bs = Data.floats(n, 3);
        bd = Data.doubles(n, 4);
        negBs = Data.negate(bs);
        negBd = Data.negate(bd);
    }

    @Benchmark
    public void sBiasActivate() {
        flip = !flip;
        k.biasActivate(act, rows, n, flip ? bs : negBs, 0, zs, 0, n, ys, 0, n);
    }

    @Benchmark
    public void dBiasActivate() {
        flip = !flip;
        k.biasActivate(act, rows, n, flip ? bd : negBd, 0, zd, 0, n, yd, 0, n);
    }
}
