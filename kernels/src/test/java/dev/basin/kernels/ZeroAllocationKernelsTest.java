package dev.basin.kernels;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * After warm-up no kernel call allocates: a training step must allocate nothing, and a boxed
 * vector (an op C2 did not intrinsify, a vector crossing a call it did not inline, a method it
 * never compiled) both allocates and runs orders of magnitude slower. Each case is called until
 * a whole window of calls allocates zero bytes on this thread, or fails after a generous
 * deadline, so JIT timing on a busy machine cannot fail it but a kernel that never settles can.
 *
 * <p>Runs only where the species is the hardware's own width: a wider species than the CPU's is
 * never intrinsified and always allocates; narrower ones are checked where that is the native
 * width. Skipped without the incubator module (the scalar fallback holds no vectors).
 */
@EnabledIf("nativeVectorWidth")
class ZeroAllocationKernelsTest {

    private static final int WARM_UP = 2_000, WINDOW = 1_000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    static boolean nativeVectorWidth() {
        if (!KernelProvider.isVectorized()) return false;
        String bits = System.getProperty("basin.vector.bits");
        return bits == null || bits.isBlank()
                || Integer.parseInt(bits.trim()) == KernelProviderTest.VectorWidth.preferredBits();
    }

    private static final int N = 20_000;
    private final float[] fx = data(N, 1), fy = data(N, 2), fc = new float[N];
    private final double[] dx = widen(fx), dy = widen(fy), dc = new double[N];
    private final double[] dHuge = scaled(dx, 0x1p700);

    @TestFactory
    List<DynamicTest> gemm() {
        int[][] shapes = {{4, 1, 2}, {1, 2, 4}, {64, 16, 2}, {8, 3, 4}, {50, 50, 50}, {7, 13, 5}, {17, 33, 9}, {60, 60, 60}, {96, 96, 96},
            {8, 8, 8}, {16, 16, 16}, {24, 24, 24}, {32, 32, 32}, {64, 64, 64}};
        List<DynamicTest> tests = new ArrayList<>();
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean tA = (t & 1) != 0, tB = (t & 2) != 0;
                int lda = tA ? m : k, ldb = tB ? k : n;
                String shape = (tA ? "T" : "N") + (tB ? "T " : "N ") + m + "x" + n + "x" + k;
                tests.add(test("sgemm " + shape, () -> Kernels.sgemm(tA, tB, m, n, k, 1f, fx, 0, lda, fy, 0, ldb, 0.5f, fc, 0, n)));
                tests.add(test("dgemm " + shape, () -> Kernels.dgemm(tA, tB, m, n, k, 1.0, dx, 0, lda, dy, 0, ldb, 0.0, dc, 0, n)));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> level2() {
        int[][] shapes = {{4, 3}, {17, 33}, {64, 16}, {5, 7}};
        List<DynamicTest> tests = new ArrayList<>();
        for (int[] s : shapes) {
            int m = s[0], n = s[1];
            for (boolean t : new boolean[] {false, true}) {
                String name = (t ? "T " : "N ") + m + "x" + n;
                tests.add(test("sgemv " + name, () -> Kernels.sgemv(t, m, n, 1f, fx, 0, n, fy, 0, 0.5f, fc, 0)));
                tests.add(test("dgemv " + name, () -> Kernels.dgemv(t, m, n, 1.0, dx, 0, n, dy, 0, 0.0, dc, 0)));
            }
            tests.add(test("sger " + m + "x" + n, () -> Kernels.ger(m, n, 1e-3f, fx, 0, fy, 0, fc, 0, n)));
            tests.add(test("dger " + m + "x" + n, () -> Kernels.ger(m, n, 1e-3, dx, 0, dy, 0, dc, 0, n)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> level1() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int n : new int[] {3, 17, 50, 4096}) {
            tests.add(test("sdot " + n, () -> Kernels.dot(n, fx, 0, fy, 1)));
            tests.add(test("ddot " + n, () -> Kernels.dot(n, dx, 0, dy, 1)));
            tests.add(test("saxpy " + n, () -> Kernels.axpy(n, 1e-3f, fx, 1, fc, 0)));
            tests.add(test("daxpy " + n, () -> Kernels.axpy(n, 1e-3, dx, 1, dc, 0)));
            tests.add(test("sscal " + n, () -> Kernels.scal(n, 1f, fc, 0)));
            tests.add(test("dscal " + n, () -> Kernels.scal(n, 1.0, dc, 0)));
            tests.add(test("ssum " + n, () -> Kernels.sum(n, fx, 0)));
            tests.add(test("dsum " + n, () -> Kernels.sum(n, dx, 0)));
            tests.add(test("sasum " + n, () -> Kernels.asum(n, fx, 0)));
            tests.add(test("dasum " + n, () -> Kernels.asum(n, dx, 0)));
            tests.add(test("snrm2 " + n, () -> Kernels.nrm2(n, fx, 0)));
            tests.add(test("dnrm2 " + n, () -> Kernels.nrm2(n, dx, 0)));
            tests.add(test("dnrm2 rescaled " + n, () -> Kernels.nrm2(n, dHuge, 0)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> activations() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (int n : new int[] {4, 100}) {
                String name = act + " " + n;
                tests.add(test("activate float " + name, () -> Kernels.activate(act, n, fx, 0, fc, 0)));
                tests.add(test("activate double " + name, () -> Kernels.activate(act, n, dx, 0, dc, 0)));
                tests.add(test("activateBackward float " + name, () -> Kernels.activateBackward(act, n, fx, 0, fy, 0, fc, 0)));
                tests.add(test("activateBackward double " + name, () -> Kernels.activateBackward(act, n, dx, 0, dy, 0, dc, 0)));
            }
            tests.add(test("biasActivate float " + act + " 64x16", () -> Kernels.biasActivate(act, 64, 16, fy, 0, fc, 0, 16, fc, 2000, 16)));
            tests.add(test("biasActivate double " + act + " 5x3", () -> Kernels.biasActivate(act, 5, 3, dy, 0, dc, 0, 3, dc, 2000, 3)));
        }
        return tests;
    }

    /** The fused dense → linear step at the trainer's shape (64 points, 2 inputs) with and without tails, fan-in 1 and 8. */
    @TestFactory
    List<DynamicTest> fusedDenseLinear() {
        return FusedCases.all(fx, fy, fc, dx, dy, dc).stream().map(c -> test(c.name(), c.call())).toList();
    }

    private static DynamicTest test(String name, Runnable call) {
        return DynamicTest.dynamicTest(name, () -> assertSettlesAllocationFree(name, call));
    }

    /** Calls until one window of WINDOW calls allocates nothing; fails if none does before the deadline. */
    private static void assertSettlesAllocationFree(String name, Runnable call) {
        double perCall = Allocations.settle(call, WARM_UP, WINDOW, DEADLINE_NANOS);
        if (perCall > 0) {
            fail(name + " still allocates " + perCall + " bytes per call after " + DEADLINE_NANOS / 1_000_000_000
                    + " s of windows of " + WINDOW + " calls (" + Kernels.implementation()
                    + "); where, sampled over more calls:\n" + Allocations.sites(call, WINDOW));
        }
    }

    static float[] data(int n, int seed) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) Math.sin(0.37 * i + seed);
        return a;
    }

    static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static double[] scaled(double[] a, double s) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] * s;
        return d;
    }
}
