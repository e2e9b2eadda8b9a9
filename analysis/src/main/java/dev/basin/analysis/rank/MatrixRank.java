package dev.basin.analysis.rank;

import dev.basin.kernels.NtkExtremes;
import dev.basin.kernels.NtkKernels;
import dev.basin.kernels.NtkSpectrum;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Numerical rank, smallest singular value and condition number in float64, two ways:
 * <ul>
 *   <li>{@link #svd}: Apache Commons Math's SVD of the matrix itself, the reference;</li>
 *   <li>{@link #gram}: eigenvalues of the Gram matrix K = A·Aᵀ by basin's SIMD symmetric
 *       eigensolver ({@link NtkSpectrum}), σ_i = √λ_i — much cheaper when A is wide (D × P with
 *       P ≫ D, the per-sample Jacobian) and K is formed from the layer structure.</li>
 * </ul>
 * Both use NumPy's tolerance σ_max·max(rows, cols)·eps. The Gram route squares the condition
 * number: an eigenvalue of K carries an absolute error of about n·eps·λ_max, so singular values
 * below √(n·eps)·σ_max are not resolved. It therefore reports {@link Spectrum#resolved()} false
 * unless λ_min clears that floor by {@link #GRAM_MARGIN}; only then is its rank (= rows) the SVD's
 * rank. Callers fall back to {@link #svd} otherwise ({@link #jacobian} does).
 */
public final class MatrixRank {

    public static final double EPS = Math.ulp(1.0);
    /** λ_min must exceed GRAM_MARGIN·n·eps·λ_max for the Gram route to decide the rank. */
    public static final double GRAM_MARGIN = 100.0;

    private MatrixRank() {}

    /** NumPy's default rank tolerance σ_max·max(rows, cols)·eps. */
    public static double numpyTolerance(double sigmaMax, int rows, int cols) {
        return sigmaMax * Math.max(rows, cols) * EPS;
    }

    /** Reference: SVD of the row-major rows×cols matrix a. */
    public static Spectrum svd(double[] a, int rows, int cols) {
        requireShape(a, rows, cols);
        if (rows == 0 || cols == 0) return new Spectrum(rows, cols, new double[0], 0.0, 0, "svd", true, 0.0);
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) m[i] = java.util.Arrays.copyOfRange(a, i * cols, (i + 1) * cols);
        requireFinite(a, rows * cols, "matrix");
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
        double tol = numpyTolerance(s[0], rows, cols);
        int rank = 0;
        for (double v : s) if (v > tol) rank++;
        return new Spectrum(rows, cols, s, tol, rank, "svd", true, 0.0);
    }

    /**
     * From the n×n Gram matrix K = A·Aᵀ (row-major, not modified) of an n×cols matrix A.
     */
    public static Spectrum gram(double[] k, int n, int cols) {
        return gram(k, n, cols, null);
    }

    /** {@link #gram(double[], int, int)}, also writing a unit eigenvector of λ_min into vec when non-null. */
    static Spectrum gram(double[] k, int n, int cols, double[] vec) {
        requireShape(k, n, n);
        if (n == 0) return new Spectrum(0, cols, new double[0], 0.0, 0, "gram-eig", true, 0.0);
        double[] work = k.clone();
        double[] lambda = new double[n];
        if (vec == null) NtkSpectrum.symmetricEigenvalues(n, work, 0, n, lambda, 0, new double[NtkSpectrum.workSize(n)]);
        else NtkSpectrum.smallestEigenpair(n, work, 0, n, lambda, 0, vec, 0, new double[NtkSpectrum.workSize(n)]);
        int count = Math.min(n, cols);
        double[] s = new double[count];
        for (int i = 0; i < count; i++) s[i] = Math.sqrt(Math.max(lambda[n - 1 - i], 0.0));
        double lmax = Math.max(lambda[n - 1], 0.0);
        double floor = n * EPS * lmax;                 // absolute error scale of the eigenvalues
        double tol = numpyTolerance(s[0], n, cols);
        int rank = 0;
        for (double v : s) if (v > tol) rank++;
        double lmin = lambda[n - count];
        boolean resolved = cols >= n && lmin > GRAM_MARGIN * floor;
        double relErr = lmin > 0 ? 0.5 * floor / lmin : Double.POSITIVE_INFINITY;
        return new Spectrum(n, cols, s, tol, rank, "gram-eig", resolved, relErr);
    }

    /**
     * The per-sample Jacobian's spectrum. When both K and J are given: first the fast path
     * {@link #choleskyLanczos} (method {@value #FAST}); when it cannot decide, every eigenvalue
     * of K with σ_min refined through J ({@link #refineSigmaMin}, method {@code "gram-eig+rq"})
     * if that resolves the rank; else the SVD of J. K alone: the Gram route ({@link #gram}).
     */
    public static Spectrum jacobian(double[] j, double[] k, int rows, int cols) {
        if (k != null) {
            if (j == null) return gram(k, rows, cols);
            Spectrum fast = choleskyLanczos(k, rows, cols, j);
            if (fast != null) return fast;
            double[] vec = new double[rows];
            Spectrum g = gram(k, rows, cols, vec);
            if (g.resolved()) return refineSigmaMin(g, j, vec);
        }
        if (j == null) throw new IllegalArgumentException("neither a resolvable Gram matrix nor the Jacobian was given");
        return svd(j, rows, cols);
    }

    /** Method name of the {@link #choleskyLanczos} fast path. */
    public static final String FAST = "chol-lanczos+rq";
    /**
     * The fast path accepts only when λ_min exceeds FAST_MARGIN·n·eps·λ_max: twice the full
     * eigensolver's own {@link #GRAM_MARGIN}, so that whenever the fast path says rank = n the
     * eigensolver's λ_min (within about n·eps·λ_max of the same matrix's) also clears its margin
     * and says rank = n.
     */
    public static final double FAST_MARGIN = 2 * GRAM_MARGIN;

    /**
     * Rank and σ_min of J from K = J·Jᵀ without every eigenvalue: a Cholesky factorisation of K,
     * Lanczos on K⁻¹ for λ_min and its eigenvector, Lanczos on K for λ_max
     * ({@link NtkExtremes#extremes}), then σ_min refined through J exactly as
     * {@link #refineSigmaMin} does. Returns null — the caller then runs the full eigensolver or
     * the SVD — unless rows ≤ cols, the factorisation succeeds, both Lanczos runs converge and
     * λ_min > {@link #FAST_MARGIN}·n·eps·λ_max.
     *
     * <p>Why the rank is then exactly n, as the eigensolver route and the SVD would say: the rank
     * counts σ_i = √λ_i above NumPy's tolerance τ = σ_max·max(n, cols)·eps, so rank = n iff
     * λ_min > τ² = λ_max·max(n, cols)²·eps². λ_max is needed only to that precision: Lanczos
     * approaches it from below and its residual r bounds λ_max ≤ θ + r, which is what the test
     * below uses, and the reported σ_max = √θ is good to (r²/gap)/λ_max (about 1e-20 on the
     * benchmark); an upper bound on λ_max only makes the test stricter. The accepted λ_min exceeds
     * 200·n·eps·λ_max, larger than τ² by the factor 200·n/(max(n, cols)²·eps) — about 3e13 at
     * n = 512, cols = 4,097, and above 1 whenever max(n, cols)² < 200·n/eps — so rank = n with room
     * to spare (it is checked too) for the rounding error of λ_min: Lanczos's Ritz value approaches the λ_min of K as
     * computed from above, within its residual, and K itself carries about n·eps·λ_max absolute
     * error, which the margin covers twice over. A rank-deficient or
     * nearly so K either fails the factorisation (a pivot ≤ 0) or gives a tiny λ_min and is
     * handed back, so rank-deficient cases always get the eigensolver's (or the SVD's) rank.
     * Lanczos could in principle miss λ_min when the fixed start vector is orthogonal to its
     * eigenvector (probability zero; rounding restores the component); the refinement through J
     * and its Kato–Temple estimate are reported either way.
     */
    public static Spectrum choleskyLanczos(double[] k, int n, int cols, double[] j) {
        requireShape(k, n, n);
        requireShape(j, n, cols);
        if (n < 2 || cols < n) return null;
        double[] a = k.clone();
        double[] out = new double[NtkExtremes.OUT_SIZE], vec = new double[n];
        if (!NtkExtremes.extremes(n, a, 0, n, out, vec, 0, new double[NtkExtremes.workSize(n)])) return null;
        return fromExtremes(out, vec, n, cols, j);
    }

    /** The fast path's decision and refinement from {@link NtkExtremes#extremes}'s output (null: undecided). */
    static Spectrum fromExtremes(double[] out, double[] vec, int n, int cols, double[] j) {
        double lmax = out[NtkExtremes.LAMBDA_MAX], lmaxBound = lmax + out[NtkExtremes.LAMBDA_MAX_ERR];
        double lmin = out[NtkExtremes.LAMBDA_MIN];
        if (!(lmin > FAST_MARGIN * n * EPS * lmaxBound)) return null;
        double smax = Math.sqrt(lmax);
        double tol = numpyTolerance(smax, n, cols);
        if (!(lmin > tol * tol)) return null;         // implied by the margin unless cols is astronomically large
        double[] tr = NtkKernels.rayleighThroughJ(n, cols, j, 0, cols, vec, 0, new double[cols]);
        return refined(n, cols, new double[] {smax, Math.sqrt(lmin)}, tol, n, FAST, tr[0], tr[1], out[NtkExtremes.LAMBDA_2]);
    }

    /**
     * Replaces a resolved Gram spectrum's σ_min by √θ, θ the Rayleigh quotient of K = J·Jᵀ at the
     * Gram route's eigenvector v, evaluated through J (NtkKernels.rayleighThroughJ). θ ≥ λ_min;
     * with the residual ρ = ‖J·Jᵀv − θv‖ and the gap g = λ_2 − θ, Kato–Temple bounds
     * θ − λ_min ≤ ρ²/g (ρ when g ≤ ρ), which gives {@link Spectrum#relErrSigmaMin()}.
     */
    public static Spectrum refineSigmaMin(Spectrum g, double[] j, double[] v) {
        int rows = g.rows(), cols = g.cols();
        requireShape(j, rows, cols);
        double[] tr = NtkKernels.rayleighThroughJ(rows, cols, j, 0, cols, v, 0, new double[cols]);
        double[] s = g.singularValues();
        double lambda2 = s.length > 1 ? s[s.length - 2] * s[s.length - 2] : Double.POSITIVE_INFINITY;
        return refined(rows, cols, s.clone(), g.tolerance(), g.rank(), "gram-eig+rq", tr[0], tr[1], lambda2);
    }

    /** s with its last entry replaced by √θ, and the Kato–Temple estimate from ρ and the gap λ₂ − θ. */
    private static Spectrum refined(int rows, int cols, double[] s, double tol, int rank, String method,
                                    double theta, double rho, double lambda2) {
        double gap = lambda2 - theta;
        double dl = gap > rho ? rho * rho / gap : rho;
        s[s.length - 1] = Math.sqrt(theta);
        return new Spectrum(rows, cols, s, tol, rank, method, true, theta > 0 ? 0.5 * dl / theta : Double.POSITIVE_INFINITY);
    }

    static void requireShape(double[] a, int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + "×" + cols);
        if (a.length < (long) rows * cols) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs " + ((long) rows * cols)
                    + " values, the array has " + a.length);
        }
    }

    static void requireFinite(double[] a, int n, String what) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i])) throw new ArithmeticException(what + " entry " + i + " is " + a[i]);
        }
    }
}
