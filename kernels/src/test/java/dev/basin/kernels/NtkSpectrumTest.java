package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Symmetric eigenvalues against matrices whose spectrum is known by construction. */
class NtkSpectrumTest {

    /** A = Q·diag(λ)·Qᵀ with Q a product of random Householder reflections (orthogonal to rounding). */
    static double[] withSpectrum(double[] lambda, Random r, int lda) {
        int n = lambda.length;
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        for (int h = 0; h < 3; h++) {
            double[] v = JacobianKernelsTest.gaussian(r, n, 1);
            double vv = 0;
            for (double t : v) vv += t * t;
            for (int i = 0; i < n; i++) {          // Q ← Q·(I − 2vvᵀ/vᵀv)
                double s = 0;
                for (int j = 0; j < n; j++) s += q[i * n + j] * v[j];
                for (int j = 0; j < n; j++) q[i * n + j] -= 2 * s * v[j] / vv;
            }
        }
        double[] a = new double[n * lda];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += q[i * n + k] * lambda[k] * q[j * n + k];
                a[i * lda + j] = s;
            }
        }
        return a;
    }

    @Property(tries = 150)
    void recoversAKnownSpectrum(@ForAll @IntRange(min = 1, max = 45) int n, @ForAll @IntRange(min = 0, max = 3) int pad,
                                @ForAll long seed) {
        Random r = new Random(seed);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            // clusters, zeros, negatives and a wide dynamic range
            lambda[i] = switch (r.nextInt(4)) {
                case 0 -> 0.0;
                case 1 -> r.nextGaussian() * 100;
                case 2 -> Math.abs(r.nextGaussian()) * 1e-6;
                default -> 3.0;
            };
        }
        int lda = n + pad;
        double[] a = withSpectrum(lambda, r, lda);
        double[] eig = new double[n];
        NtkSpectrum.symmetricEigenvalues(n, a, 0, lda, eig, 0, new double[NtkSpectrum.workSize(n)]);
        double[] expect = lambda.clone();
        Arrays.sort(expect);
        double norm = 0;
        for (double l : lambda) norm = Math.max(norm, Math.abs(l));
        for (int i = 0; i < n; i++) {
            assertEquals(expect[i], eig[i], 1e-13 * n * Math.max(norm, 1), "eigenvalue " + i + " of " + n);
        }
    }

    /** The eigenvector of the smallest eigenvalue: unit length and a residual ‖Av − λv‖ at rounding level. */
    @Property(tries = 120)
    void smallestEigenpairHasASmallResidual(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) lambda[i] = r.nextInt(3) == 0 ? Math.abs(r.nextGaussian()) * 1e-7 : r.nextGaussian() * 10;
        double[] a = withSpectrum(lambda, r, n), copy = a.clone();
        double[] eig = new double[n], v = new double[n];
        NtkSpectrum.smallestEigenpair(n, a, 0, n, eig, 0, v, 0, new double[NtkSpectrum.workSize(n)]);
        double norm = 0, scale = 0;
        for (double t : v) norm += t * t;
        for (double l : lambda) scale = Math.max(scale, Math.abs(l));
        assertEquals(1.0, norm, 1e-12);
        for (int i = 0; i < n; i++) {
            double av = 0;
            for (int j = 0; j < n; j++) av += copy[i * n + j] * v[j];
            assertEquals(eig[0] * v[i], av, 1e-12 * n * Math.max(scale, 1), "row " + i);
        }
    }

    @Test
    void laplacianSpectrum() {
        int n = 200;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
        }
        double[] eig = new double[n];
        NtkSpectrum.symmetricEigenvalues(n, a, 0, n, eig, 0, new double[NtkSpectrum.workSize(n)]);
        for (int k = 1; k <= n; k++) {
            assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), eig[k - 1], 1e-13);
        }
    }

    @Test
    void denseRandomMatrixKeepsTraceAndFrobeniusNorm() {
        Random r = new Random(5);
        int n = 300;
        double[] a = new double[n * n];
        double trace = 0, fro = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = r.nextGaussian();
                a[i * n + j] = a[j * n + i] = v;
                fro += (i == j ? 1 : 2) * v * v;
            }
            trace += a[i * n + i];
        }
        double[] eig = new double[n];
        NtkSpectrum.symmetricEigenvalues(n, a, 0, n, eig, 0, new double[NtkSpectrum.workSize(n)]);
        double s = 0, s2 = 0;
        for (double l : eig) {
            s += l;
            s2 += l * l;
        }
        assertEquals(trace, s, 1e-10);
        assertEquals(fro, s2, 1e-9 * fro);
    }

    @Test
    void nonFiniteInputIsNamed() {
        double[] a = {1, Double.NaN, 0, 1};
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> NtkSpectrum.symmetricEigenvalues(2, a, 0, 2, new double[2], 0, new double[10]));
        assertEquals("symmetric matrix entry (0, 1) is NaN", e.getMessage());
    }
}
