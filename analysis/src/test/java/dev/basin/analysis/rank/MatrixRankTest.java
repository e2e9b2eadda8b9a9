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
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
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
                if (chosen.method().equals("gram-eig+rq") || chosen.method().equals(MatrixRank.FAST)) {
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

    /** An n×k matrix with orthonormal columns (Q of a Gaussian matrix's QR). */
    static double[][] orthonormal(Random r, int n, int k) {
        double[][] g = new double[n][k];
        for (double[] row : g) for (int j = 0; j < k; j++) row[j] = r.nextGaussian();
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) out[i][j] = q.getEntry(i, j);
        return out;
    }

    /** A = U·diag(σ)·Vᵀ (rows × cols, rows ≤ cols) with the given singular values, flat row-major. */
    static double[] withSingularValues(Random r, double[] sigma, int rows, int cols) {
        double[][] u = orthonormal(r, rows, rows), v = orthonormal(r, cols, rows);
        double[] a = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double t = 0;
                for (int q = 0; q < rows; q++) t += u[i][q] * sigma[q] * v[j][q];
                a[i * cols + j] = t;
            }
        return a;
    }

    static double[] gramOf(double[] a, int rows, int cols) {
        double[] k = new double[rows * rows];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j <= i; j++) {
                double t = 0;
                for (int q = 0; q < cols; q++) t += a[i * cols + q] * a[j * cols + q];
                k[i * rows + j] = k[j * rows + i] = t;
            }
        return k;
    }

    /**
     * The fast path (Cholesky + Lanczos + refinement through J) against Commons Math's SVD on
     * matrices of known singular values: full rank with condition numbers 1 to 1e8 and ranks
     * deficient by 1 to 5. Whatever path {@link MatrixRank#jacobian} takes, its rank is the
     * SVD's; when it takes the fast path, σ_min agrees to 1e-8 relative (and its Kato–Temple
     * estimate says so) and σ_max to 1e-12; a deficient or too ill-conditioned K is refused.
     */
    @Property(tries = 60)
    void fastPathMatchesTheSvdOnMatricesOfKnownRank(@ForAll @IntRange(min = 2, max = 70) int rows, @ForAll @IntRange(min = 0, max = 60) int extra,
                                                    @ForAll @IntRange(min = 0, max = 8) int decades, @ForAll @IntRange(min = 0, max = 5) int deficient,
                                                    @ForAll long seed) {
        Random r = new Random(seed);
        int cols = rows + extra;
        double[] sigma = new double[rows];
        for (int i = 0; i < rows; i++) sigma[i] = Math.pow(10, -decades * r.nextDouble());
        sigma[0] = 1.0;
        sigma[rows - 1] = Math.pow(10, -decades);
        int zeros = Math.min(deficient, rows - 1);
        for (int i = 0; i < zeros; i++) sigma[rows - 1 - i] = 0.0;
        java.util.Arrays.sort(sigma);
        double[] a = withSingularValues(r, sigma, rows, cols);
        double[] k = gramOf(a, rows, cols);
        Spectrum svd = MatrixRank.svd(a, rows, cols);
        Spectrum fast = MatrixRank.choleskyLanczos(k, rows, cols, a);
        Spectrum chosen = MatrixRank.jacobian(a, k, rows, cols);
        String what = rows + "×" + cols + " κ 1e" + decades + " deficient " + zeros + ": svd rank " + svd.rank() + " σ_min " + svd.sigmaMin();
        assertEquals(svd.rank(), chosen.rank(), what + ", chosen " + chosen.method());
        assertEquals(rows - zeros, svd.rank(), what);
        if (zeros > 0) assertEquals(null, fast, what + ": a rank-deficient K must be handed back");
        if (decades >= 7) assertEquals(null, fast, what + ": κ(K) ≥ 1e14 is past the fast path's margin");
        if (fast != null) {
            assertEquals(MatrixRank.FAST, fast.method());
            assertEquals(rows, fast.rank(), what);
            assertEquals(svd.tolerance(), fast.tolerance(), 1e-12 * svd.tolerance(), what);
            assertEquals(svd.sigmaMax(), fast.sigmaMax(), 1e-12 * svd.sigmaMax(), what);
            assertEquals(svd.sigmaMin(), fast.sigmaMin(), 1e-8 * svd.sigmaMin(), what + ", fast " + fast.sigmaMin());
            assertTrue(fast.relErrSigmaMin() < 1e-8, what + " estimate " + fast.relErrSigmaMin());
            assertEquals(MatrixRank.FAST, chosen.method(), what);
        }
        if (zeros == 0 && decades <= 4) assertEquals(MatrixRank.FAST, chosen.method(), what + ": well-conditioned full rank takes the fast path");
    }

    /** On structured NTKs of one-hidden-layer nets the fast path and the full eigensolver give the same rank and σ_min. */
    @Property(tries = 30)
    void fastPathAgreesWithTheEigensolverOnNtks(@ForAll @IntRange(min = 2, max = 80) int d, @ForAll @IntRange(min = 1, max = 60) int m,
                                                @ForAll @IntRange(min = 1, max = 3) int n, @ForAll long seed) {
        Random r = new Random(seed);
        JacobianNet net = JacobianNet.dense(Activation.RELU, n, m, 1);
        double[] x = gaussian(r, d * n), p = gaussian(r, net.parameterCount());
        int cols = net.columns();
        double[] j = new double[d * cols], k = new double[d * d];
        JacobianKernels.dense(net, d, x, 0, n, p, 0, j, 0, cols, new double[net.workSize()]);
        NtkKernels.gramOneHidden(net, d, x, 0, n, p, 0, k, 0, d, new double[NtkKernels.gramWorkSize(d, m)]);
        Spectrum svd = MatrixRank.svd(j, d, cols);
        Spectrum chosen = MatrixRank.jacobian(j, k, d, cols);
        assertEquals(svd.rank(), chosen.rank(), chosen.method());
        Spectrum fast = MatrixRank.choleskyLanczos(k, d, cols, j);
        if (fast != null) {
            Spectrum eig = MatrixRank.gram(k, d, cols);
            assertTrue(eig.resolved(), "whenever the fast path decides, the eigensolver resolves the rank too");
            assertEquals(eig.rank(), fast.rank());
            assertEquals(svd.sigmaMin(), fast.sigmaMin(), 1e-8 * svd.sigmaMin());
        }
    }
}
