package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The blocked Cholesky against the unblocked scalar reference, the solves, and Lanczos's extreme eigenpairs. */
class NtkExtremesTest {

    /** B·Bᵀ + shift·I with B n×(n+extra) Gaussian: symmetric positive definite for shift > 0. */
    static double[] spd(Random r, int n, int lda, double shift) {
        int k = n + 3;
        double[] b = JacobianKernelsTest.gaussian(r, n * k, 1);
        double[] a = new double[n * lda];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double s = i == j ? shift : 0;
                for (int t = 0; t < k; t++) s += b[i * k + t] * b[j * k + t];
                a[i * lda + j] = s;
            }
        return a;
    }

    @Property(tries = 60)
    void blockedCholeskyMatchesTheScalarReference(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll @IntRange(min = 0, max = 3) int pad,
                                                  @ForAll @IntRange(min = 0, max = 4) int off, @ForAll long seed) {
        Random r = new Random(seed);
        int lda = n + pad;
        double[] a0 = spd(r, n, lda, 0.5);
        double[] a = new double[off + a0.length], ref = new double[off + a0.length];
        System.arraycopy(a0, 0, a, off, a0.length);
        System.arraycopy(a0, 0, ref, off, a0.length);
        double[] diag = new double[n + 1], refDiag = new double[n + 1];
        double[] work = new double[2 + NtkExtremes.choleskyWorkSize(n)];
        assertTrue(NtkExtremes.cholesky(n, a, off, lda, diag, 1, work, 2));
        assertTrue(NtkScalar.cholesky(n, ref, off, lda, refDiag, 1));
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, refDiag[1 + i]);
        for (int i = 0; i < n; i++) {
            assertEquals(refDiag[1 + i], diag[1 + i], 1e-12 * scale, "diagonal " + i);
            for (int j = 0; j < lda; j++) {
                int at = off + i * lda + j;
                if (j >= i) assertEquals(a0[i * lda + j], a[at], 0.0, "diagonal and upper triangle are not written (" + i + ", " + j + ")");
                else assertEquals(ref[at], a[at], 1e-12 * scale, "L(" + i + ", " + j + ")");
            }
        }
        // L·Lᵀ·x = b solves
        double[] b = JacobianKernelsTest.gaussian(r, n, 1), x = b.clone();
        NtkExtremes.solve(n, a, off, lda, diag, 1, x, 0);
        double bn = 0;
        for (double t : b) bn = Math.max(bn, Math.abs(t));
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a0[i * lda + j] * x[j];
            assertEquals(b[i], s, 1e-9 * n * (bn + 1), "row " + i + " of A·x");
        }
    }

    @Property(tries = 60)
    void choleskyRefusesIndefiniteAndNonFiniteMatrices(@ForAll @IntRange(min = 1, max = 150) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] a = spd(r, n, n, 0.5);
        int bad = r.nextInt(n);
        if (r.nextBoolean()) {
            for (int i = 0; i < n; i++) a[bad * n + i] = a[i * n + bad] = 0;      // a zero row: singular
            a[bad * n + bad] = -1e-3;
        } else {
            a[bad * n + Math.max(0, bad - 1)] = Double.NaN;
        }
        double[] copy = a.clone();
        assertFalse(NtkExtremes.cholesky(n, a, 0, n, new double[n], 0, new double[NtkExtremes.choleskyWorkSize(n)]  , 0));
        assertFalse(NtkScalar.cholesky(n, copy, 0, n, new double[n], 0));
    }

    /** The symmetric product reads only the diagonal and upper triangle. */
    @Property(tries = 60)
    void symvMatchesAPlainProduct(@ForAll @IntRange(min = 1, max = 90) int n, @ForAll @IntRange(min = 0, max = 3) int pad, @ForAll long seed) {
        Random r = new Random(seed);
        int lda = n + pad;
        double[] a = spd(r, n, lda, 0), x = JacobianKernelsTest.gaussian(r, n, 1), y = new double[n + 2];
        double[] garbled = a.clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) garbled[i * lda + j] = Double.NaN;
        NtkExtremes.symv(n, garbled, 0, lda, x, 0, y, 1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * lda + j] * x[j];
            assertEquals(s, y[1 + i], 1e-12 * n * (1 + Math.abs(s)));
        }
    }

    /**
     * Known spectra (NtkSpectrumTest.withSpectrum) with a wide range and a well or barely
     * separated λ_min: λ_min and λ_max to 1e-10 relative, an eigenvector residual at the
     * factorisation's rounding level, and the diagonal and upper triangle still A.
     */
    @Property(tries = 80)
    void extremesOfAKnownSpectrum(@ForAll @IntRange(min = 2, max = 120) int n, @ForAll @IntRange(min = 0, max = 2) int pad,
                                  @ForAll @IntRange(min = 0, max = 8) int decades, @ForAll long seed) {
        Random r = new Random(seed);
        double[] lambda = new double[n];
        double lmin = Math.pow(10, -decades);
        for (int i = 0; i < n; i++) lambda[i] = 1.0 + 99.0 * r.nextDouble();
        lambda[0] = lmin;
        lambda[n - 1] = 100.0;
        if (n > 2) lambda[1] = lmin * (1.2 + r.nextDouble());    // λ₂/λ_min between 1.2 and 2.2
        int lda = n + pad;
        double[] a = NtkSpectrumTest.withSpectrum(lambda, r, lda), copy = a.clone();
        double[] out = new double[NtkExtremes.OUT_SIZE], v = new double[n + 1];
        assertTrue(NtkExtremes.extremes(n, a, 0, lda, out, v, 1, new double[NtkExtremes.workSize(n)]), "converged");
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        double kappaEps = 100 * n * Math.ulp(1.0) * 100.0;     // the matrix's own rounding, absolute
        assertEquals(sorted[0], out[NtkExtremes.LAMBDA_MIN], 1e-10 * sorted[0] + kappaEps, "λ_min");
        assertEquals(100.0, out[NtkExtremes.LAMBDA_MAX], 1e-10 * 100.0, "λ_max");
        assertTrue(out[NtkExtremes.LAMBDA_MIN] >= sorted[0] - kappaEps, "Ritz values approach λ_min from above");
        double norm = 0;
        for (int i = 0; i < n; i++) norm += v[1 + i] * v[1 + i];
        assertEquals(1.0, norm, 1e-12);
        for (int i = 0; i < n; i++) {
            double av = 0;
            for (int j = 0; j < n; j++) av += copy[i * lda + j] * v[1 + j];
            assertEquals(out[NtkExtremes.LAMBDA_MIN] * v[1 + i], av, kappaEps, "row " + i + " of A·v − λ_min·v");
            for (int j = i; j < n; j++) assertEquals(copy[i * lda + j], a[i * lda + j], 0.0, "upper triangle kept");
        }
    }

    @Test
    void notPositiveDefiniteIsReported() {
        double[] a = {1, 2, 2, 1};
        assertFalse(NtkExtremes.extremes(2, a, 0, 2, new double[NtkExtremes.OUT_SIZE], new double[2], 0,
                new double[NtkExtremes.workSize(2)]));
        assertEquals(1.0, a[0]);
        assertEquals(2.0, a[1]);
    }

    /** The tridiagonal Laplacian (n = 300 > MAX_STEPS is not needed: its λ_min gap is small, so Lanczos takes many steps). */
    @Test
    void laplacianEnds() {
        int n = 150;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
        }
        double[] out = new double[NtkExtremes.OUT_SIZE];
        assertTrue(NtkExtremes.extremes(n, a, 0, n, out, new double[n], 0, new double[NtkExtremes.workSize(n)]));
        assertEquals(2 - 2 * Math.cos(Math.PI / (n + 1)), out[NtkExtremes.LAMBDA_MIN], 1e-12);
        assertEquals(2 - 2 * Math.cos(n * Math.PI / (n + 1)), out[NtkExtremes.LAMBDA_MAX], 1e-12);
    }
}
