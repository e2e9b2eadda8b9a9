package dev.basin.kernels;

/**
 * The two ends of the spectrum of a symmetric positive definite matrix (an NTK Gram matrix
 * K = J·Jᵀ), float64, without computing every eigenvalue: a blocked Cholesky factorisation
 * K = L·Lᵀ (n³/3 flops, the off-diagonal updates in {@link Kernels#dgemm}), then Lanczos with
 * full reorthogonalisation on K⁻¹ (two triangular solves a step) for λ_min and its eigenvector,
 * and on K (a symmetric matrix-vector product a step) for λ_max. When the gap below λ_min is
 * not tiny, a few dozen steps converge, against the (4/3)·n³ of {@link NtkSpectrum}'s
 * tridiagonalisation.
 *
 * <p>Storage, row-major: the factorisation reads A's lower triangle (diagonal included) and
 * writes L's strict lower part over A's strict lower triangle and L's diagonal into a separate
 * array, so A's diagonal and strict upper triangle — which hold A itself — are never written.
 * A caller whose matrix turns out not to be positive definite can therefore still hand the
 * same array to {@link NtkSpectrum#symmetricEigenvalues} (which reads the upper triangle).
 */
public final class NtkExtremes {

    /** Column block of the factorisation. */
    static final int NB = 64;
    /** Lanczos runs stop at this many steps (or n) without convergence. */
    public static final int MAX_STEPS = 200;
    /** Convergence: the Ritz pair's residual β_k·|s_k| below this fraction of the Ritz value. */
    public static final double RESIDUAL = 1e-11;

    /** out[] slots of {@link #extremes}. */
    public static final int LAMBDA_MIN = 0, LAMBDA_MIN_ERR = 1, LAMBDA_2 = 2, LAMBDA_MAX = 3, LAMBDA_MAX_ERR = 4,
            STEPS_MIN = 5, STEPS_MAX = 6, OUT_SIZE = 7;

    private NtkExtremes() {}

    static int steps(int n) {
        return Math.min(n, MAX_STEPS);
    }

    /** Scratch doubles {@link #cholesky} needs (from its work offset). */
    public static int choleskyWorkSize(int n) {
        int nb = Math.min(NB, n);
        return nb * nb + nb * Math.max(n - nb, 0);
    }

    /** Scratch doubles {@link #extremes} needs for an n×n matrix. */
    public static int workSize(int n) {
        int s = steps(n);
        return n + (s + 1) * n + 2 * n + 6 * (s + 1) + choleskyWorkSize(n);
    }

    /**
     * Cholesky factorisation A = L·Lᵀ of the symmetric matrix whose lower triangle (diagonal
     * included) is stored row-major in a; L's strict lower part overwrites a's strict lower
     * triangle, L's diagonal goes to {@code diag[diagOff..]}; a's diagonal and upper triangle are
     * not written. Left-looking by column blocks of {@link #NB} (LAPACK dpotrf's order): the
     * block's update by the rows already factored is a {@link Kernels#dgemm}, the diagonal block
     * is factored unblocked and the rows below it solved against it.
     *
     * @return false, with the factorisation abandoned part way, when a pivot is not positive and
     *         finite (A is not numerically positive definite, or holds NaN or infinity)
     */
    public static boolean cholesky(int n, double[] a, int aOff, int lda, double[] diag, int diagOff, double[] work, int w) {
        Check.matrix("A", a.length, aOff, n, n, lda);
        Check.vector("diag", diag.length, diagOff, n);
        Check.vector("work", work.length, w, choleskyWorkSize(n));
        for (int jb = 0; jb < n; jb += NB) {
            int nb = Math.min(NB, n - jb);
            int row = aOff + jb * lda;
            // the diagonal block's lower triangle into t (nb × nb), minus L[jb.., 0..jb)·L[jb.., 0..jb)ᵀ
            for (int i = 0; i < nb; i++) System.arraycopy(a, row + i * lda + jb, work, w + i * nb, i + 1);
            if (jb > 0) {
                // rows i of the block times rows c ≤ i: dgemm writes the full square, the upper part is ignored
                Kernels.dgemm(false, true, nb, nb, jb, -1.0, a, row, lda, a, row, lda, 1.0, work, w, nb);
            }
            for (int i = 0; i < nb; i++) {
                int ti = w + i * nb;
                for (int c = 0; c < i; c++) {
                    work[ti + c] = (work[ti + c] - Kernels.dot(c, work, ti, work, w + c * nb)) / work[w + c * nb + c];
                }
                double p = work[ti + i] - Kernels.dot(i, work, ti, work, ti);
                if (!(p > 0.0) || !Double.isFinite(p)) return false;
                work[ti + i] = Math.sqrt(p);
            }
            for (int i = 0; i < nb; i++) {
                System.arraycopy(work, w + i * nb, a, row + i * lda + jb, i);
                diag[diagOff + jb + i] = work[w + i * nb + i];
            }
            int below = n - jb - nb;
            if (below == 0) break;
            int rowB = row + nb * lda;
            if (jb > 0) {
                Kernels.dgemm(false, true, below, nb, jb, -1.0, a, rowB, lda, a, row, lda, 1.0, a, rowB + jb, lda);
            }
            // rows below: X·L_bbᵀ = B by forward substitution, on the transposed panel Xᵀ (nb × below,
            // in work after the diagonal block) so each column of X is one long contiguous dgemv:
            // Xᵀ[c, :] = (Bᵀ[c, :] − Xᵀ[0..c, :]ᵀ·L_bb[c, 0..c)) / l_cc
            int pt = w + nb * nb;
            for (int r = 0; r < below; r++) {
                int at = rowB + r * lda + jb;
                for (int c = 0; c < nb; c++) work[pt + c * below + r] = a[at + c];
            }
            for (int c = 0; c < nb; c++) {
                int pc = pt + c * below;
                if (c > 0) Kernels.dgemv(true, c, below, -1.0, work, pt, below, work, w + c * nb, 1.0, work, pc);
                Kernels.scal(below, 1.0 / work[w + c * nb + c], work, pc);
            }
            for (int r = 0; r < below; r++) {
                int at = rowB + r * lda + jb;
                for (int c = 0; c < nb; c++) a[at + c] = work[pt + c * below + r];
            }
        }
        return true;
    }

    /**
     * Solves L·Lᵀ·x = b in place (b ← x) with the factor {@link #cholesky} wrote: forward
     * substitution by row dots, back substitution by row axpys (both read L's rows contiguously),
     * the off-diagonal blocks of {@link #NB} columns as one {@link Kernels#dgemv} each.
     */
    public static void solve(int n, double[] a, int aOff, int lda, double[] diag, int diagOff, double[] b, int bOff) {
        Check.matrix("L", a.length, aOff, n, n, lda);
        Check.vector("diag", diag.length, diagOff, n);
        Check.vector("b", b.length, bOff, n);
        // by blocks of NB rows: the part left of (forward) or below (back) the diagonal block is one dgemv
        for (int b0 = 0; b0 < n; b0 += NB) {
            int b1 = Math.min(n, b0 + NB);
            if (b0 > 0) Kernels.dgemv(false, b1 - b0, b0, -1.0, a, aOff + b0 * lda, lda, b, bOff, 1.0, b, bOff + b0);
            for (int i = b0; i < b1; i++) {
                b[bOff + i] = (b[bOff + i] - Kernels.dot(i - b0, a, aOff + i * lda + b0, b, bOff + b0)) / diag[diagOff + i];
            }
        }
        for (int b0 = (n - 1) / NB * NB; b0 >= 0; b0 -= NB) {
            int b1 = Math.min(n, b0 + NB);
            if (b1 < n) Kernels.dgemv(true, n - b1, b1 - b0, -1.0, a, aOff + b1 * lda + b0, lda, b, bOff + b1, 1.0, b, bOff + b0);
            for (int i = b1 - 1; i >= b0; i--) {
                double x = b[bOff + i] / diag[diagOff + i];
                b[bOff + i] = x;
                if (i > b0) Kernels.axpy(i - b0, -x, a, aOff + i * lda + b0, b, bOff + b0);
            }
        }
    }

    /**
     * y = A·x for the symmetric A held in a's diagonal and upper triangle (the lower triangle is
     * not read): per row a dot over the upper part and an axpy of its transpose.
     */
    public static void symv(int n, double[] a, int aOff, int lda, double[] x, int xOff, double[] y, int yOff) {
        Check.matrix("A", a.length, aOff, n, n, lda);
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        java.util.Arrays.fill(y, yOff, yOff + n, 0.0);
        for (int i = 0; i < n; i++) {
            int ri = aOff + i * lda + i;
            y[yOff + i] += Kernels.dot(n - i, a, ri, x, xOff + i);
            if (i + 1 < n) Kernels.axpy(n - i - 1, x[xOff + i], a, ri + 1, y, yOff + i + 1);
        }
    }

    /**
     * λ_min, λ_max and a unit eigenvector of λ_min of the symmetric matrix A (row-major, both
     * triangles read as described in the class comment; the strict lower triangle is
     * overwritten by the Cholesky factor, the diagonal and upper triangle are kept).
     *
     * <p>Writes to out (length {@link #OUT_SIZE}): λ_min = 1/μ₁ with μ₁ the largest Ritz value of
     * K⁻¹, its error bound r/(μ₁(μ₁ − r)) (r = the Ritz residual: some eigenvalue of K lies that
     * close), λ₂ ≈ 1/μ₂ (the second Ritz value; it converges from above, so it is an estimate,
     * not a bound), λ_max (the largest Ritz value of K) with its residual bound, and the number of
     * Lanczos steps each end took. Ritz values are interior to the spectrum, so λ_min is
     * approached from above and λ_max from below; each run stops when the Ritz residual is below
     * {@link #RESIDUAL} times the Ritz value (for K⁻¹ this bounds the angle of the eigenvector to
     * RESIDUAL·μ₁/(μ₁ − μ₂)).
     *
     * @return true when the factorisation succeeded and both Lanczos runs converged within
     *         min(n, {@link #MAX_STEPS}) steps; false otherwise (out and vec are then not meaningful,
     *         and A's diagonal and upper triangle are still A)
     */
    public static boolean extremes(int n, double[] a, int aOff, int lda, double[] out, double[] vec, int vecOff, double[] work) {
        Check.matrix("A", a.length, aOff, n, n, lda);
        Check.vector("out", out.length, 0, OUT_SIZE);
        Check.vector("vec", vec.length, vecOff, n);
        Check.vector("work", work.length, 0, workSize(n));
        if (n == 0) return false;
        int s = steps(n);
        int diagAt = 0, qAt = n, wAt = qAt + (s + 1) * n, yAt = wAt + n, alAt = yAt + n, beAt = alAt + (s + 1),
                tAt = beAt + (s + 1), t2At = tAt + (s + 1), hAt = t2At + (s + 1), cAt = hAt + (s + 1), chAt = cAt + (s + 1);
        if (!cholesky(n, a, aOff, lda, work, diagAt, work, chAt)) return false;
        // λ_min: Lanczos on K⁻¹
        int kMin = lanczos(true, n, a, aOff, lda, work, diagAt, s, work, qAt, wAt, alAt, beAt, tAt, t2At, hAt, cAt, out, 0);
        if (kMin < 0) return false;
        double mu1 = out[0], r1 = out[1], mu2 = out[2];
        // the Ritz vector Q_kᵀ·c
        Kernels.dgemv(true, kMin, n, 1.0, work, qAt, n, work, cAt, 0.0, vec, vecOff);
        // One step of inverse iteration on the Ritz vector: its error components along the large
        // eigenvalues λ_i — harmless to the Rayleigh quotient but inflating the residual ‖K·v − θ·v‖
        // by λ_i — shrink by λ_min/λ_i, leaving the residual at the factorisation's rounding level.
        solve(n, a, aOff, lda, work, diagAt, vec, vecOff);
        double nrm = Math.sqrt(Kernels.dot(n, vec, vecOff, vec, vecOff));
        Kernels.scal(n, 1.0 / nrm, vec, vecOff);
        int kMax = lanczos(false, n, a, aOff, lda, work, diagAt, s, work, qAt, wAt, alAt, beAt, tAt, t2At, hAt, cAt, out, 3);
        if (kMax < 0) return false;
        double lmax = out[3], rmax = out[4];
        out[LAMBDA_MIN] = 1.0 / mu1;
        out[LAMBDA_MIN_ERR] = r1 < mu1 ? r1 / (mu1 * (mu1 - r1)) : Double.POSITIVE_INFINITY;
        out[LAMBDA_2] = mu2 > 0 ? 1.0 / mu2 : Double.POSITIVE_INFINITY;
        out[LAMBDA_MAX] = lmax;
        out[LAMBDA_MAX_ERR] = rmax;
        out[STEPS_MIN] = kMin;
        out[STEPS_MAX] = kMax;
        return true;
    }

    /**
     * Lanczos with full reorthogonalisation (classical Gram–Schmidt, twice) from a fixed
     * pseudo-random start, on K⁻¹ (inverse: two triangular solves) or K (symv). Every other step
     * the tridiagonal T_k's eigenvalues (QL) and its top eigenvector (inverse iteration) give the
     * largest Ritz value θ₁ and the residual β_k·|c_k|; stops when that is ≤ RESIDUAL·θ₁.
     * Writes θ₁, the residual and θ₂ to res[at..at+2], the top eigenvector of T_k to work[cAt..];
     * returns k, or −1 without convergence.
     */
    private static int lanczos(boolean inverse, int n, double[] a, int aOff, int lda, double[] diag, int diagOff, int s,
                               double[] work, int qAt, int wAt, int alAt, int beAt, int tAt, int t2At, int hAt, int cAt,
                               double[] res, int at) {
        long state = 0x5DEECE66DL;
        double nrm = 0;
        for (int i = 0; i < n; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            double u = 2.0 * ((z >>> 11) * 0x1.0p-53) - 1.0;
            work[qAt + i] = u;
            nrm += u * u;
        }
        Kernels.scal(n, 1.0 / Math.sqrt(nrm), work, qAt);
        for (int k = 0; k < s; k++) {
            int qk = qAt + k * n;
            if (inverse) {
                System.arraycopy(work, qk, work, wAt, n);
                solve(n, a, aOff, lda, diag, diagOff, work, wAt);
            } else {
                symv(n, a, aOff, lda, work, qk, work, wAt);
            }
            double alpha = Kernels.dot(n, work, qk, work, wAt);
            work[alAt + k] = alpha;
            // w ⊥ q_0..q_k, twice (the three-term recurrence is subsumed)
            for (int pass = 0; pass < 2; pass++) {
                Kernels.dgemv(false, k + 1, n, 1.0, work, qAt, n, work, wAt, 0.0, work, hAt);
                Kernels.dgemv(true, k + 1, n, -1.0, work, qAt, n, work, hAt, 1.0, work, wAt);
            }
            double beta = Math.sqrt(Kernels.dot(n, work, wAt, work, wAt));
            work[beAt + k] = beta;
            int m = k + 1;
            boolean last = m == s || beta == 0.0;
            if (last || (m >= 4 && m % 2 == 0)) {
                // Ritz values: eigenvalues of T_m (alpha on the diagonal, beta_0..beta_{m−2} beside it)
                System.arraycopy(work, alAt, work, tAt, m);
                System.arraycopy(work, beAt, work, t2At, m);
                NtkSpectrum.tql1(m, work, tAt, work, t2At);
                double th1 = Double.NEGATIVE_INFINITY, th2 = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < m; i++) {
                    double t = work[tAt + i];
                    if (t > th1) {
                        th2 = th1;
                        th1 = t;
                    } else if (t > th2) {
                        th2 = t;
                    }
                }
                double c = 1.0;
                if (m > 1) {
                    double[] y = new double[m];
                    NtkSpectrum.inverseIteration(m, work, alAt, work, beAt, th1, y);
                    double yy = 0;
                    for (int i = 0; i < m; i++) yy += y[i] * y[i];
                    double inv = 1.0 / Math.sqrt(yy);
                    for (int i = 0; i < m; i++) work[cAt + i] = y[i] * inv;
                    c = work[cAt + m - 1];
                } else {
                    work[cAt] = 1.0;
                }
                double r = Math.abs(beta * c);
                if (r <= RESIDUAL * Math.abs(th1) || beta == 0.0) {
                    res[at] = th1;
                    res[at + 1] = r;
                    res[at + 2] = th2 == Double.NEGATIVE_INFINITY ? 0.0 : th2;
                    return m;
                }
                if (last) return -1;
            }
            Kernels.scal(n, 1.0 / beta, work, wAt);
            System.arraycopy(work, wAt, work, qk + n, n);
        }
        return -1;
    }
}
