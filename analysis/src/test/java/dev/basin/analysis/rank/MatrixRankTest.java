package dev.basin.analysis.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basin.kernels.Activation;
import dev.basin.kernels.JacobianKernels;
import dev.basin.kernels.JacobianNet;
import dev.basin.kernels.NtkKernels;
import dev.basin.kernels.NtkSpectrum;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class MatrixRankTest {

    static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    /** A = B·C with B rows×k, C k×cols: rank k (with probability one) exactly. */
    @Property(tries = 100)
    void rankOfAProductOfThinFactors(@ForAll @IntRange(min = 1, max = 30) int rows, @ForAll @IntRange(min = 1, max = 30) int cols,
                                     @ForAll @IntRange(min = 0, max = 30) int k, @ForAll long seed) {
        Random r = new Random(seed);
        double[] b = gaussian(r, rows * k), c = gaussian(r, k * cols), a = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                for (int t = 0; t < k; t++) a[i * cols + j] += b[i * k + t] * c[t * cols + j];
        Spectrum s = MatrixRank.svd(a, rows, cols);
        assertEquals(Math.min(k, Math.min(rows, cols)), s.rank());
        assertEquals(Math.min(rows, cols), s.singularValues().length);
        assertEquals(s.sigmaMax() * Math.max(rows, cols) * Math.ulp(1.0), s.tolerance(), 0.0);
    }

    /** The D×D upper-triangular all-ones matrix (seed 002 §2.4's threshold layer): σ_k = 1/(2 sin((2k−1)π/(4D+2))). */
    @Test
    void upperTriangularOnesHasItsKnownSingularValues() {
        for (int d : new int[] {1, 2, 5, 16, 64}) {
            double[] a = new double[d * d];
            for (int i = 0; i < d; i++) for (int j = i; j < d; j++) a[i * d + j] = 1;
            Spectrum s = MatrixRank.svd(a, d, d);
            assertEquals(d, s.rank());
            double[] expect = new double[d];
            for (int k = 1; k <= d; k++) expect[k - 1] = 1 / (2 * Math.sin((2 * k - 1) * Math.PI / (4 * d + 2)));
            for (int k = 0; k < d; k++) assertEquals(expect[k], s.singularValues()[k], 1e-12 * expect[0]);
            assertTrue(s.sigmaMin() > 0.5);
        }
    }

    @Property(tries = 100)
    void basinEigenvaluesMatchCommonsMath(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[][] m = new double[n][n];
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) m[i][j] = m[j][i] = flat[i * n + j] = flat[j * n + i] = r.nextGaussian();
        double[] ref = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
        Arrays.sort(ref);
        double[] eig = new double[n];
        NtkSpectrum.symmetricEigenvalues(n, flat, 0, n, eig, 0, new double[NtkSpectrum.workSize(n)]);
        double scale = Math.max(Math.abs(ref[0]), Math.abs(ref[n - 1]));
        for (int i = 0; i < n; i++) assertEquals(ref[i], eig[i], 1e-13 * n * scale);
    }

    /**
     * The structured Gram route against the SVD of J on one-hidden-layer nets: the same rank, σ_max
     * to 1e-12, σ_min within the route's own error estimate (0.5·n·eps·λ_max/λ_min, which
     * squares the condition number) — so to 1e-8 whenever that estimate is ≤ 1e-8.
     */
    @Test
    void gramRouteAgreesWithSvdOfJ() {
        for (Activation act : new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
            for (int seed = 0; seed < 4; seed++) {
                Random r = new Random(seed);
                int d = 48, n = 2, m = 40;
                JacobianNet net = JacobianNet.dense(act, n, m, 1);
                double[] x = gaussian(r, d * n), p = gaussian(r, net.parameterCount());
                for (int i = 0; i < p.length; i++) p[i] *= 0.7;
                int cols = net.columns();
                double[] j = new double[d * cols], k = new double[d * d];
                JacobianKernels.dense(net, d, x, 0, n, p, 0, j, 0, cols, new double[net.workSize()]);
                NtkKernels.gramOneHidden(net, d, x, 0, n, p, 0, k, 0, d, new double[NtkKernels.gramWorkSize(d, m)]);
                Spectrum svd = MatrixRank.svd(j, d, cols), gram = MatrixRank.gram(k, d, cols);
                String what = act + " seed " + seed + ": svd σ_min " + svd.sigmaMin() + ", gram " + gram.sigmaMin();
                if (gram.resolved()) {
                    assertEquals(svd.rank(), gram.rank(), what);
                    assertEquals(svd.sigmaMin(), gram.sigmaMin(), Math.max(1e-12, gram.relErrSigmaMin()) * svd.sigmaMin(), what);
                }
                assertEquals(svd.sigmaMax(), gram.sigmaMax(), 1e-12 * svd.sigmaMax(), what);
                Spectrum chosen = MatrixRank.jacobian(j, k, d, cols);
                assertEquals(svd.rank(), chosen.rank(), what);
                if (chosen.method().equals("gram-eig+rq")) {
                    // refined through J: the SVD's σ_min to 1e-8, and within the Kato–Temple estimate
                    assertEquals(svd.sigmaMin(), chosen.sigmaMin(), 1e-8 * svd.sigmaMin(), what + ", refined " + chosen.sigmaMin());
                    assertTrue(chosen.relErrSigmaMin() < 1e-8, what + " estimate " + chosen.relErrSigmaMin());
                }
            }
        }
    }

    /** A rank-deficient J: the Gram route says it cannot resolve the rank, and the fallback gets it right. */
    @Test
    void gramRouteRefusesRankDeficientMatrices() {
        Random r = new Random(2);
        int rows = 20, cols = 50, k = 12;
        double[] b = gaussian(r, rows * k), c = gaussian(r, k * cols), a = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                for (int t = 0; t < k; t++) a[i * cols + j] += b[i * k + t] * c[t * cols + j];
        double[] gram = new double[rows * rows];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < rows; j++)
                for (int t = 0; t < cols; t++) gram[i * rows + j] += a[i * cols + t] * a[j * cols + t];
        Spectrum g = MatrixRank.gram(gram, rows, cols);
        assertFalse(g.resolved());
        Spectrum chosen = MatrixRank.jacobian(a, gram, rows, cols);
        assertEquals("svd", chosen.method());
        assertEquals(k, chosen.rank());
    }
}
