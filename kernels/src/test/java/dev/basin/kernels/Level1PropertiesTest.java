package dev.basin.kernels;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;

import java.util.Random;

import static dev.basin.kernels.TestData.*;

/**
 * dot, axpy, scal, sum, asum and nrm2 of the chosen implementation against the scalar
 * reference. Reductions may differ by reassociation only (tolerance n·eps·Σ|terms|);
 * elementwise updates by at most one rounding of each term (eps·(|αx_i| + |y_i|)), which
 * allows an FMA where the reference multiplies then adds. Every check also verifies that
 * nothing outside [off, off+n) is read into the result or written.
 */
class Level1PropertiesTest {

    /** Seeds are only entropy: jqwik's edge cases (0, ±1, MIN, MAX) add nothing there. */
    @Provide
    Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs().withoutEdgeCases();
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return TestData.lengths();
    }

    @Provide
    Arbitrary<Double> scalars() {
        return TestData.scalars();
    }

    // ---- the checks, shared by the random properties and the exhaustive tail sweep ----------

    static void checkFloat(int n, int xOff, int yOff, double alpha, long seed) {
        Random r = new Random(seed);
        float a = (float) alpha;
        // Padding around each range is NaN, so a kernel reading outside its range poisons its result.
        float[] x = padded(TestData.floats(r, n), xOff, r.nextInt(5));
        float[] y = padded(TestData.floats(r, n), yOff, r.nextInt(5));
        String at = " (n=" + n + ", xOff=" + xOff + ", yOff=" + yOff + ", seed=" + seed + ")";

        double absDot = 0, absX = 0;
        for (int i = 0; i < n; i++) {
            absDot += Math.abs((double) x[xOff + i] * y[yOff + i]);
            absX += Math.abs(x[xOff + i]);
        }
        assertClose("sdot" + at, REF.dot(n, x, xOff, y, yOff), IMPL.dot(n, x, xOff, y, yOff), n * EPS_F * absDot);
        assertClose("ssum" + at, REF.sum(n, x, xOff), IMPL.sum(n, x, xOff), n * EPS_F * absX);
        assertClose("sasum" + at, REF.asum(n, x, xOff), IMPL.asum(n, x, xOff), n * EPS_F * absX);
        float norm = REF.nrm2(n, x, xOff);
        // Both sum squares in double; only the final rounding to float can differ.
        assertClose("snrm2" + at, norm, IMPL.nrm2(n, x, xOff), 2 * Math.ulp(norm));

        float[] yRef = y.clone(), yImpl = y.clone();
        REF.axpy(n, a, x, xOff, yRef, yOff);
        IMPL.axpy(n, a, x, xOff, yImpl, yOff);
        for (int i = 0; i < n; i++) {
            double tol = EPS_F * (Math.abs(a * x[xOff + i]) + Math.abs(y[yOff + i]));
            assertClose("saxpy[" + i + "] alpha=" + a + at, yRef[yOff + i], yImpl[yOff + i], tol);
        }
        assertUntouchedOutside("saxpy" + at, y, yImpl, yOff, n);

        float[] xRef = x.clone(), xImpl = x.clone();
        REF.scal(n, a, xRef, xOff);
        IMPL.scal(n, a, xImpl, xOff);
        for (int i = 0; i < n; i++) assertSame("sscal[" + i + "] alpha=" + a + at, xRef[xOff + i], xImpl[xOff + i]);
        assertUntouchedOutside("sscal" + at, x, xImpl, xOff, n);
    }

    static void checkDouble(int n, int xOff, int yOff, double alpha, long seed) {
        Random r = new Random(seed);
        double[] x = padded(TestData.doubles(r, n), xOff, r.nextInt(5));
        double[] y = padded(TestData.doubles(r, n), yOff, r.nextInt(5));
        String at = " (n=" + n + ", xOff=" + xOff + ", yOff=" + yOff + ", seed=" + seed + ")";

        double absDot = 0, absX = 0;
        for (int i = 0; i < n; i++) {
            absDot += Math.abs(x[xOff + i] * y[yOff + i]);
            absX += Math.abs(x[xOff + i]);
        }
        assertClose("ddot" + at, REF.dot(n, x, xOff, y, yOff), IMPL.dot(n, x, xOff, y, yOff), n * EPS_D * absDot);
        assertClose("dsum" + at, REF.sum(n, x, xOff), IMPL.sum(n, x, xOff), n * EPS_D * absX);
        assertClose("dasum" + at, REF.asum(n, x, xOff), IMPL.asum(n, x, xOff), n * EPS_D * absX);
        double norm = REF.nrm2(n, x, xOff);
        // A sum of n squares is within n·u of exact relative to itself; the square root halves that.
        assertClose("dnrm2" + at, norm, IMPL.nrm2(n, x, xOff), (n + 4) * EPS_D * norm);

        double[] yRef = y.clone(), yImpl = y.clone();
        REF.axpy(n, alpha, x, xOff, yRef, yOff);
        IMPL.axpy(n, alpha, x, xOff, yImpl, yOff);
        for (int i = 0; i < n; i++) {
            double tol = EPS_D * (Math.abs(alpha * x[xOff + i]) + Math.abs(y[yOff + i]));
            assertClose("daxpy[" + i + "] alpha=" + alpha + at, yRef[yOff + i], yImpl[yOff + i], tol);
        }
        assertUntouchedOutside("daxpy" + at, y, yImpl, yOff, n);

        double[] xRef = x.clone(), xImpl = x.clone();
        REF.scal(n, alpha, xRef, xOff);
        IMPL.scal(n, alpha, xImpl, xOff);
        for (int i = 0; i < n; i++) assertSame("dscal[" + i + "] alpha=" + alpha + at, xRef[xOff + i], xImpl[xOff + i]);
        assertUntouchedOutside("dscal" + at, x, xImpl, xOff, n);
    }

    static float[] padded(float[] v, int off, int tail) {
        float[] out = new float[off + v.length + tail];
        java.util.Arrays.fill(out, Float.NaN);
        System.arraycopy(v, 0, out, off, v.length);
        return out;
    }

    static double[] padded(double[] v, int off, int tail) {
        double[] out = new double[off + v.length + tail];
        java.util.Arrays.fill(out, Double.NaN);
        System.arraycopy(v, 0, out, off, v.length);
        return out;
    }

    // ---- random shapes --------------------------------------------------------------------

    @Property(tries = 200)
    void floatLevel1MatchesScalar(@ForAll("lengths") int n, @ForAll @IntRange(max = 17) int xOff,
                                  @ForAll @IntRange(max = 17) int yOff, @ForAll("scalars") double alpha,
                                  @ForAll("seeds") long seed) {
        checkFloat(n, xOff, yOff, alpha, seed);
    }

    @Property(tries = 200)
    void doubleLevel1MatchesScalar(@ForAll("lengths") int n, @ForAll @IntRange(max = 17) int xOff,
                                   @ForAll @IntRange(max = 17) int yOff, @ForAll("scalars") double alpha,
                                   @ForAll("seeds") long seed) {
        checkDouble(n, xOff, yOff, alpha, seed);
    }

    // ---- every tail of every width, deterministically --------------------------------------

    @Example
    void everyLengthUpToPastTheUnrolledLoop() {
        for (int n = 0; n <= TAIL_SWEEP; n++) {
            for (int off : new int[] {0, 1, 3}) {
                checkFloat(n, off, 2 * off, 1.5, 31L * n + off);
                checkDouble(n, off, 2 * off, -0.75, 17L * n + off);
            }
        }
    }

    // ---- nrm2 where a naive sum of squares would overflow or underflow ---------------------

    @Property(tries = 100)
    void nrm2SurvivesExtremeMagnitudes(@ForAll("lengths") int n, @ForAll @IntRange(min = -1070, max = 1020) int exponent,
                                       @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double scale = Math.scalb(1.0, exponent);
        double exact = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextGaussian();
            x[i] = u * scale;
            exact += u * u;
        }
        // The exact norm of the unscaled vector, scaled back; skip inputs whose elements were rounded to subnormals.
        boolean exactInputs = exponent > -1000;
        double norm = IMPL.nrm2(n, x, 0);
        if (n == 0 || !exactInputs) {
            assertClose("dnrm2 vs scalar at 2^" + exponent, REF.nrm2(n, x, 0), norm, (n + 4) * EPS_D * REF.nrm2(n, x, 0));
            return;
        }
        double expected = Math.sqrt(exact) * scale;
        if (Double.isInfinite(expected)) return;
        assertClose("dnrm2 at 2^" + exponent + " (n=" + n + ")", expected, norm, (n + 4) * EPS_D * expected);

        if (exponent > -120 && exponent < 100) {
            float[] xf = new float[n];
            for (int i = 0; i < n; i++) xf[i] = (float) x[i];
            float fnorm = IMPL.nrm2(n, xf, 0);
            assertClose("snrm2 at 2^" + exponent, REF.nrm2(n, xf, 0), fnorm, 2 * Math.ulp(fnorm));
            assertClose("snrm2 at 2^" + exponent + " vs exact", expected, fnorm, (n + 4) * EPS_F * expected);
        }
    }

    @Example
    void nrm2PropagatesInfinityAndNaN() {
        for (int n : new int[] {1, 7, 33, 100}) {
            for (int at = 0; at < n; at += Math.max(1, n / 5)) {
                double[] x = new double[n];
                java.util.Arrays.fill(x, 1.0);
                x[at] = Double.POSITIVE_INFINITY;
                assertSame("dnrm2 with +inf at " + at, Double.POSITIVE_INFINITY, IMPL.nrm2(n, x, 0));
                x[at] = Double.NEGATIVE_INFINITY;
                assertSame("dnrm2 with -inf at " + at, Double.POSITIVE_INFINITY, IMPL.nrm2(n, x, 0));
                x[at] = Double.NaN;
                assertSame("dnrm2 with NaN at " + at, Double.NaN, IMPL.nrm2(n, x, 0));
                float[] xf = new float[n];
                java.util.Arrays.fill(xf, 1f);
                xf[at] = Float.POSITIVE_INFINITY;
                assertSame("snrm2 with inf at " + at, Float.POSITIVE_INFINITY, IMPL.nrm2(n, xf, 0));
                xf[at] = Float.NaN;
                assertSame("snrm2 with NaN at " + at, Float.NaN, IMPL.nrm2(n, xf, 0));
            }
        }
    }

    @Example
    void floatNrm2DoesNotOverflowWhereFloatSquaresWould() {
        float[] x = new float[37];
        java.util.Arrays.fill(x, 3e30f);
        double expected = Math.sqrt(37.0) * 3e30;
        assertClose("snrm2 of 3e30", expected, IMPL.nrm2(37, x, 0), 2 * Math.ulp((float) expected));
        java.util.Arrays.fill(x, 3e-30f);
        assertClose("snrm2 of 3e-30", Math.sqrt(37.0) * 3e-30, IMPL.nrm2(37, x, 0), 2 * Math.ulp((float) (Math.sqrt(37.0) * 3e-30)));
    }
}
