package dev.basin.kernels;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.Random;

import static dev.basin.kernels.TestData.*;

/**
 * sgemm, dgemm and gram through the {@link Kernels} facade (whatever implementation is wired in)
 * against a float64 triple loop. Each element of C is a length-k dot product: tolerance
 * (k+2)·eps·(|α|·Σ_p|a_ip·b_pj| + |β·c_ij|), with eps of the kernel's precision (the float64
 * reference is exact to far below that). β = 0 must ignore a NaN C.
 */
class GemmPropertiesTest {

    /** Seeds are only entropy: jqwik's edge cases (0, ±1, MIN, MAX) add nothing there. */
    @Provide
    Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs().withoutEdgeCases();
    }

    @Provide
    Arbitrary<Integer> dims() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 2, 3, 5, 7, 13, 17, 31, 33, 63, 65, 97, 127, 131)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 2 * MAX_FLOAT_LANES + 1)));
    }

    @Provide
    Arbitrary<Double> scalars() {
        return TestData.scalars();
    }

    /** One random case: A stored (transA ? k×m : m×k), B stored (transB ? n×k : k×n), row-major with padding. */
    static void check(boolean transA, boolean transB, int m, int n, int k, int padA, int padB, int padC,
                      int aOff, int bOff, int cOff, double alpha, double beta, long seed) {
        Random r = new Random(seed);
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = Math.max(1, aCols + padA), ldb = Math.max(1, bCols + padB), ldc = Math.max(1, n + padC);
        double[] a = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (aRows - 1) * lda + aCols)), aOff, 2);
        double[] b = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (bRows - 1) * ldb + bCols)), bOff, 2);
        double[] c0 = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (m - 1) * ldc + n)), cOff, 2);
        if (beta == 0.0) {
            for (int i = 0; i < m; i++) Arrays.fill(c0, cOff + i * ldc, cOff + i * ldc + n, Double.NaN);
        }
        float[] af = toFloat(a), bf = toFloat(b), c0f = toFloat(c0);
        String at = "op(A)=" + (transA ? "Aᵀ" : "A") + " op(B)=" + (transB ? "Bᵀ" : "B") + " m=" + m + " n=" + n + " k=" + k
                + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc + " offs=" + aOff + "/" + bOff + "/" + cOff
                + " alpha=" + alpha + " beta=" + beta + " seed=" + seed;

        double[] c = c0.clone();
        float[] cf = c0f.clone();
        Kernels.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        Kernels.sgemm(transA, transB, m, n, k, (float) alpha, af, aOff, lda, bf, bOff, ldb, (float) beta, cf, cOff, ldc);

        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double dExact = 0, dAbs = 0, fExact = 0, fAbs = 0;
                for (int p = 0; p < k; p++) {
                    int ai = aOff + (transA ? p * lda + i : i * lda + p);
                    int bi = bOff + (transB ? j * ldb + p : p * ldb + j);
                    dExact += a[ai] * b[bi];
                    dAbs += Math.abs(a[ai] * b[bi]);
                    fExact += (double) af[ai] * bf[bi];
                    fAbs += Math.abs((double) af[ai] * bf[bi]);
                }
                int ci = cOff + i * ldc + j;
                double dOld = beta == 0.0 ? 0.0 : beta * c0[ci], fOld = beta == 0.0 ? 0.0 : (float) beta * c0f[ci];
                double dExpected = alpha * dExact + dOld, fExpected = (float) alpha * fExact + fOld;
                assertClose("dgemm C[" + i + "," + j + "] " + at, dExpected, c[ci],
                        (k + 2) * EPS_D * (Math.abs(alpha) * dAbs + Math.abs(dOld)));
                assertClose("sgemm C[" + i + "," + j + "] " + at, fExpected, cf[ci],
                        (k + 2) * EPS_F * (Math.abs(alpha) * fAbs + Math.abs(fOld)));
            }
        }
        for (int idx = 0; idx < c0.length; idx++) {
            int rel = idx - cOff;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                assertSame("dgemm wrote outside C at " + idx + " " + at, c0[idx], c[idx]);
                assertSame("sgemm wrote outside C at " + idx + " " + at, c0f[idx], cf[idx]);
            }
        }
    }

    @Property(tries = 150)
    void gemmMatchesFloat64TripleLoop(@ForAll boolean transA, @ForAll boolean transB, @ForAll("dims") int m,
                                      @ForAll("dims") int n, @ForAll("dims") int k,
                                      @ForAll @IntRange(max = 5) int padA, @ForAll @IntRange(max = 5) int padB,
                                      @ForAll @IntRange(max = 5) int padC, @ForAll @IntRange(max = 7) int aOff,
                                      @ForAll @IntRange(max = 7) int bOff, @ForAll @IntRange(max = 7) int cOff,
                                      @ForAll("scalars") double alpha, @ForAll("scalars") double beta, @ForAll("seeds") long seed) {
        check(transA, transB, m, n, k, padA, padB, padC, aOff, bOff, cOff, alpha, beta, seed);
    }

    /** k = 0: C = beta·C (and with beta = 0, zeros even over NaN). */
    @Property(tries = 40)
    void gemmWithEmptyInnerDimension(@ForAll boolean transA, @ForAll boolean transB, @ForAll("dims") int m,
                                     @ForAll("dims") int n, @ForAll("scalars") double alpha,
                                     @ForAll("scalars") double beta, @ForAll("seeds") long seed) {
        check(transA, transB, m, n, 0, 1, 1, 1, 1, 2, 3, alpha, beta, seed);
    }

    /** Every combination of transposes on a shape a blocked kernel splits unevenly. */
    @Property(tries = 20)
    void gemmOnLargerPrimeShapes(@ForAll boolean transA, @ForAll boolean transB,
                                 @ForAll("scalars") double alpha, @ForAll("scalars") double beta, @ForAll("seeds") long seed) {
        check(transA, transB, 131, 97, 257, 3, 0, 5, 1, 2, 3, alpha, beta, seed);
    }

    @Property(tries = 100)
    void gramIsAATransposed(@ForAll("dims") int m, @ForAll("dims") int k, @ForAll @IntRange(max = 5) int padA,
                            @ForAll @IntRange(max = 5) int padC, @ForAll @IntRange(max = 7) int aOff,
                            @ForAll @IntRange(max = 7) int cOff, @ForAll("scalars") double alpha,
                            @ForAll("scalars") double beta, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        int lda = Math.max(1, k + padA), ldc = Math.max(1, m + padC);
        double[] a = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (m - 1) * lda + k)), aOff, 2);
        double[] c0 = Level1PropertiesTest.padded(TestData.doubles(r, Math.max(0, (m - 1) * ldc + m)), cOff, 2);
        if (beta == 0.0) for (int i = 0; i < m; i++) Arrays.fill(c0, cOff + i * ldc, cOff + i * ldc + m, Double.NaN);
        float[] af = toFloat(a), c0f = toFloat(c0);
        double[] c = c0.clone();
        float[] cf = c0f.clone();
        Kernels.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
        Kernels.gram(m, k, (float) alpha, af, aOff, lda, (float) beta, cf, cOff, ldc);
        String at = "m=" + m + " k=" + k + " lda=" + lda + " ldc=" + ldc + " alpha=" + alpha + " beta=" + beta + " seed=" + seed;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double d = 0, dAbs = 0, f = 0, fAbs = 0;
                for (int p = 0; p < k; p++) {
                    double t = a[aOff + i * lda + p] * a[aOff + j * lda + p];
                    double tf = (double) af[aOff + i * lda + p] * af[aOff + j * lda + p];
                    d += t;
                    dAbs += Math.abs(t);
                    f += tf;
                    fAbs += Math.abs(tf);
                }
                int ci = cOff + i * ldc + j;
                double dOld = beta == 0.0 ? 0.0 : beta * c0[ci], fOld = beta == 0.0 ? 0.0 : (float) beta * c0f[ci];
                assertClose("dgram C[" + i + "," + j + "] " + at, alpha * d + dOld, c[ci],
                        (k + 2) * EPS_D * (Math.abs(alpha) * dAbs + Math.abs(dOld)));
                assertClose("sgram C[" + i + "," + j + "] " + at, (float) alpha * f + fOld, cf[ci],
                        (k + 2) * EPS_F * (Math.abs(alpha) * fAbs + Math.abs(fOld)));
            }
        }
    }
}
