package dev.basin.kernels;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Shared generators and tolerance checks for the kernel tests.
 *
 * <p>Tolerances follow the standard forward-error bound of a length-n sum in floating point:
 * two implementations that add the same n products in different orders (SIMD lanes, several
 * accumulators, FMA) each lie within about n·u·Σ|x_i·y_i| of the exact value (u the unit
 * roundoff), so they lie within n·eps·Σ|x_i·y_i| of each other, with eps = 2u = ulp(1).
 */
final class TestData {

    private TestData() {}

    static final double EPS_F = Math.ulp(1f);
    static final double EPS_D = Math.ulp(1.0);

    /** Lanes of the widest float species any run uses (512 bits); the kernels unroll by 4. */
    static final int MAX_FLOAT_LANES = 16;

    /** Every length up to past the widest 4×-unrolled float loop plus one vector, so every tail runs. */
    static final int TAIL_SWEEP = 4 * MAX_FLOAT_LANES + MAX_FLOAT_LANES + 3;

    static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 61, 67, 97, 127, 131, 251, 257, 293};

    /** The implementation under test: whatever this JVM chose (vector at the forced width, or scalar). */
    static final KernelSupport IMPL = KernelProvider.get();
    static final ScalarKernels REF = new ScalarKernels();

    /** Lengths 1..300, biased towards primes and short vectors where the tails live. */
    static Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(java.util.Arrays.stream(PRIMES).boxed().toList())),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, TAIL_SWEEP)));
    }

    /** Scalars for alpha and beta: 0 and 1 are special-cased by BLAS-like code, so they come often. */
    static Arbitrary<Double> scalars() {
        return Arbitraries.of(0.0, 1.0, -1.0, 0.5, -2.25, 1.7, 3.0);
    }

    /** Gaussian entries of mixed magnitude (so cancellation and large terms both occur). */
    static double[] doubles(Random r, int len) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            double scale = switch (r.nextInt(8)) {
                case 0 -> 1e-3;
                case 1 -> 1e3;
                default -> 1.0;
            };
            a[i] = r.nextGaussian() * scale;
        }
        return a;
    }

    static float[] floats(Random r, int len) {
        double[] d = doubles(r, len);
        float[] f = new float[len];
        for (int i = 0; i < len; i++) f[i] = (float) d[i];
        return f;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    static void assertClose(String what, double expected, double actual, double tol) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) return;
        if (expected == actual) return;
        double err = Math.abs(expected - actual);
        if (!(err <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (error " + err
                    + " exceeds tolerance " + tol + ") with " + IMPL.describe());
        }
    }

    /** Bitwise-equal as values (NaN equals NaN, and -0.0 equals 0.0). */
    static void assertSame(String what, double expected, double actual) {
        assertClose(what, expected, actual, 0.0);
    }

    /** Elements outside [off, off+n) must be untouched. */
    static void assertUntouchedOutside(String what, float[] before, float[] after, int off, int n) {
        for (int i = 0; i < after.length; i++) {
            if ((i < off || i >= off + n) && Float.floatToRawIntBits(before[i]) != Float.floatToRawIntBits(after[i])) {
                fail(what + ": element " + i + " outside the range [" + off + ", " + (off + n) + ") was written");
            }
        }
    }

    static void assertUntouchedOutside(String what, double[] before, double[] after, int off, int n) {
        for (int i = 0; i < after.length; i++) {
            if ((i < off || i >= off + n) && Double.doubleToRawLongBits(before[i]) != Double.doubleToRawLongBits(after[i])) {
                fail(what + ": element " + i + " outside the range [" + off + ", " + (off + n) + ") was written");
            }
        }
    }
}
