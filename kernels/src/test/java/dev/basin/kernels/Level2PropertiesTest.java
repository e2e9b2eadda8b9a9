package dev.basin.kernels;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;

import java.util.Arrays;
import java.util.Random;

import static dev.basin.kernels.TestData.*;

/**
 * gemv (both transposes) and ger against the scalar reference, on random shapes with offsets and
 * leading dimensions wider than the row. Each output of gemv is a length-c dot product, c the
 * inner dimension, then scaled and added: tolerance (c+2)·eps·(|α|·Σ_j|a_ij·x_j| + |β·y_i|).
 * With β = 0 the old y is NaN and must be ignored, as BLAS specifies.
 */
class Level2PropertiesTest {

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

    static void checkGemv(boolean trans, int m, int n, int extraLd, int aOff, int xOff, int yOff,
                          double alpha, double beta, long seed) {
        Random r = new Random(seed);
        int lda = Math.max(1, n + extraLd);
        int rows = trans ? n : m, cols = trans ? m : n;     // op(A) is rows×cols
        double[] a = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (m - 1) * lda + n)), aOff, 3);
        double[] x = Level1PropertiesTest.padded(TestData.doubles(r, cols), xOff, 2);
        double[] y0 = Level1PropertiesTest.padded(TestData.doubles(r, rows), yOff, 2);
        // Leading-dimension padding inside A is NaN too: a kernel that reads it poisons y.
        for (int i = 0; i < m; i++) Arrays.fill(a, aOff + i * lda + n, Math.min(a.length, aOff + (i + 1) * lda), Double.NaN);
        if (beta == 0.0) Arrays.fill(y0, yOff, yOff + rows, Double.NaN);
        String at = (trans ? "Aᵀ" : "A") + " m=" + m + " n=" + n + " lda=" + lda + " offs=" + aOff + "/" + xOff + "/" + yOff
                + " alpha=" + alpha + " beta=" + beta + " seed=" + seed;

        double[] bound = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                double av = trans ? a[aOff + j * lda + i] : a[aOff + i * lda + j];
                s += Math.abs(av * x[xOff + j]);
            }
            double old = beta == 0.0 ? 0.0 : Math.abs(beta * y0[yOff + i]);
            bound[i] = (cols + 2) * (Math.abs(alpha) * s + old);
        }

        double[] yRef = y0.clone(), yImpl = y0.clone();
        REF.dgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, yRef, yOff);
        IMPL.dgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, yImpl, yOff);
        for (int i = 0; i < rows; i++) {
            assertClose("dgemv y[" + i + "] " + at, yRef[yOff + i], yImpl[yOff + i], EPS_D * bound[i]);
        }
        assertUntouchedOutside("dgemv " + at, y0, yImpl, yOff, rows);

        float[] af = toFloat(a), xf = toFloat(x), y0f = toFloat(y0);
        float[] yRefF = y0f.clone(), yImplF = y0f.clone();
        REF.sgemv(trans, m, n, (float) alpha, af, aOff, lda, xf, xOff, (float) beta, yRefF, yOff);
        IMPL.sgemv(trans, m, n, (float) alpha, af, aOff, lda, xf, xOff, (float) beta, yImplF, yOff);
        for (int i = 0; i < rows; i++) {
            // The bound was computed on the double inputs; the float inputs are within u of them.
            assertClose("sgemv y[" + i + "] " + at, yRefF[yOff + i], yImplF[yOff + i], EPS_F * bound[i] * 1.01);
        }
        assertUntouchedOutside("sgemv " + at, y0f, yImplF, yOff, rows);
    }

    static void checkGer(int m, int n, int extraLd, int aOff, int xOff, int yOff, double alpha, long seed) {
        Random r = new Random(seed);
        int lda = Math.max(1, n + extraLd);
        double[] a0 = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (m - 1) * lda + n)), aOff, 3);
        double[] x = Level1PropertiesTest.padded(TestData.doubles(r, m), xOff, 2);
        double[] y = Level1PropertiesTest.padded(TestData.doubles(r, n), yOff, 2);
        String at = "m=" + m + " n=" + n + " lda=" + lda + " offs=" + aOff + "/" + xOff + "/" + yOff + " alpha=" + alpha + " seed=" + seed;

        double[] aRef = a0.clone(), aImpl = a0.clone();
        REF.ger(m, n, alpha, x, xOff, y, yOff, aRef, aOff, lda);
        IMPL.ger(m, n, alpha, x, xOff, y, yOff, aImpl, aOff, lda);
        float[] a0f = toFloat(a0), xf = toFloat(x), yf = toFloat(y);
        float[] aRefF = a0f.clone(), aImplF = a0f.clone();
        REF.ger(m, n, (float) alpha, xf, xOff, yf, yOff, aRefF, aOff, lda);
        IMPL.ger(m, n, (float) alpha, xf, xOff, yf, yOff, aImplF, aOff, lda);

        for (int idx = 0; idx < a0.length; idx++) {
            int rel = idx - aOff, i = Math.floorDiv(rel, lda), j = Math.floorMod(rel, lda);
            boolean inside = rel >= 0 && i < m && j < n;
            if (!inside) {
                assertSame("dger wrote outside A at " + idx + " " + at, a0[idx], aImpl[idx]);
                assertSame("sger wrote outside A at " + idx + " " + at, a0f[idx], aImplF[idx]);
                continue;
            }
            // One rounding of the product and one of the sum (two roundings, or one with an FMA).
            double term = Math.abs(alpha * x[xOff + i] * y[yOff + j]) + Math.abs(a0[idx]);
            assertClose("dger A[" + i + "," + j + "] " + at, aRef[idx], aImpl[idx], 2 * EPS_D * term);
            assertClose("sger A[" + i + "," + j + "] " + at, aRefF[idx], aImplF[idx], 2 * EPS_F * term * 1.01);
        }
    }

    @Property(tries = 150)
    void gemvMatchesScalar(@ForAll boolean trans, @ForAll("lengths") int m, @ForAll("lengths") int n,
                           @ForAll @IntRange(max = 9) int extraLd, @ForAll @IntRange(max = 9) int aOff,
                           @ForAll @IntRange(max = 9) int xOff, @ForAll @IntRange(max = 9) int yOff,
                           @ForAll("scalars") double alpha, @ForAll("scalars") double beta, @ForAll("seeds") long seed) {
        checkGemv(trans, m, n, extraLd, aOff, xOff, yOff, alpha, beta, seed);
    }

    @Property(tries = 150)
    void gerMatchesScalar(@ForAll("lengths") int m, @ForAll("lengths") int n, @ForAll @IntRange(max = 9) int extraLd,
                          @ForAll @IntRange(max = 9) int aOff, @ForAll @IntRange(max = 9) int xOff,
                          @ForAll @IntRange(max = 9) int yOff, @ForAll("scalars") double alpha, @ForAll("seeds") long seed) {
        checkGer(m, n, extraLd, aOff, xOff, yOff, alpha, seed);
    }

    /** Every row count below the 4-row block and every column tail below the widest vector. */
    @Example
    void everySmallShape() {
        for (int m = 0; m <= 9; m++) {
            for (int n = 0; n <= 2 * MAX_FLOAT_LANES + 1; n++) {
                long seed = 1000L * m + n;
                checkGemv(false, m, n, m % 3, 1, 2, 3, 1.5, m % 2 == 0 ? 0.0 : 0.5, seed);
                checkGemv(true, m, n, n % 3, 1, 2, 3, -0.5, m % 2 == 0 ? 1.0 : 0.0, seed);
                checkGer(m, n, 2, 1, 0, 2, 0.75, seed);
            }
        }
    }
}
