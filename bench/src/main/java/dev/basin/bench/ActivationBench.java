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
 * Elementwise activation forward (y = act(x), out of place) and backward (dz = dy ∘ act'(z),
 * out of place). Inputs are half negative, so ABS and RELU branch unpredictably in scalar code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ActivationBench {

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"ABS", "RELU", "TANH", "SIGMOID"})
    public Activation act;

    @Param({"16", "256", "4096", "65536", "1048576"})
    public int n;

    private KernelSupport k;
    private float[] xs, dys, ys;
    private double[] xd, dyd, yd;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        // Spread over [-4, 4) so tanh and sigmoid see both their linear and saturated parts.
        xs = Data.floats(n, 1);
        xd = Data.doubles(n, 2);
        for (int i = 0; i < n; i++) { xs[i] *= 4; xd[i] *= 4; }
        dys = Data.floats(n, 3);
        dyd = Data.doubles(n, 4);
        ys = new float[n];
        yd = new double[n];
    }

    @Benchmark public void sActivate() { k.activate(act, n, xs, 0, ys, 0); }
    @Benchmark public void dActivate() { k.activate(act, n, xd, 0, yd, 0); }

    @Benchmark public void sBackward() { k.activateBackward(act, n, xs, 0, dys, 0, ys, 0); }
    @Benchmark public void dBackward() { k.activateBackward(act, n, xd, 0, dyd, 0, yd, 0); }
}
