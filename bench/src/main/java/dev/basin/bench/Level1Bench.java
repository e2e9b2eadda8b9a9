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
 * Level-1 kernels (dot, axpy, scal, sum, asum, nrm2), float and double, vector against scalar.
 * The in-place kernels alternate their scale factor (axpy ±α, scal 2 and ½) so the data stay in
 * range however many times JMH calls them: no overflow, no denormals drifting in.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class Level1Bench {

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"16", "256", "4096", "65536", "1048576"})
    public int n;

    private KernelSupport k;
    private float[] xs, ys;
    private double[] xd, yd;
    private boolean flip;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        xs = Data.floats(n, 1);
        ys = Data.floats(n, 2);
        xd = Data.doubles(n, 3);
        yd = Data.doubles(n, 4);
    }

    @Benchmark public float sdot() { return k.dot(n, xs, 0, ys, 0); }
    @Benchmark public double ddot() { return k.dot(n, xd, 0, yd, 0); }

    @Benchmark public void saxpy() { flip = !flip; k.axpy(n, flip ? 0.5f : -0.5f, xs, 0, ys, 0); }
    @Benchmark public void daxpy() { flip = !flip; k.axpy(n, flip ? 0.5 : -0.5, xd, 0, yd, 0); }

    @Benchmark public void sscal() { flip = !flip; k.scal(n, flip ? 2f : 0.5f, xs, 0); }
    @Benchmark public void dscal() { flip = !flip; k.scal(n, flip ? 2.0 : 0.5, xd, 0); }

    @Benchmark public float ssum() { return k.sum(n, xs, 0); }
    @Benchmark public double dsum() { return k.sum(n, xd, 0); }

    @Benchmark public float sasum() { return k.asum(n, xs, 0); }
    @Benchmark public double dasum() { return k.asum(n, xd, 0); }

    @Benchmark public float snrm2() { return k.nrm2(n, xs, 0); }
    @Benchmark public double dnrm2() { return k.nrm2(n, xd, 0); }
}
