package dev.basin.kernels;

/**
 * Eigenvalues of a symmetric matrix (an NTK Gram matrix K = J·Jᵀ), float64: Householder
 * tridiagonalisation as LAPACK's dsytd2 writes it, then the implicit QL iteration with
 * Wilkinson shifts (EISPACK tql1) on the tridiagonal matrix. Eigenvalues only: O(n²) after the
 * (4/3)·n³ reduction.
 *
 * <p>The reduction reads and writes only the upper triangle (row-contiguous columns) and fuses step k's symmetric rank-2
 * update with step k+1's matrix-vector product, so each step streams the trailing triangle once
 * (one load and one store per element). That row loop is the SIMD kernel
 * ({@link NtkVector#tridiagRow}, reference {@link NtkScalar#tridiagRow}).
 */
public final class NtkSpectrum {

    private static final boolean VECTOR = KernelProvider.isVectorized();

    private NtkSpectrum() {}

    /** Scratch doubles {@link #symmetricEigenvalues} needs for an n×n matrix. */
    public static int workSize(int n) {
        return 5 * n;
    }

    /**
     * The eigenvalues (ascending, into {@code eig}) and a unit eigenvector of the smallest one
     * (into {@code vec}) of the symmetric matrix A (upper triangle read, destroyed): the
     * tridiagonal matrix T = QᵀAQ from the same reduction, inverse iteration on T − λ_min·I
     * (Gaussian elimination with partial pivoting, as LAPACK's dstein), then v = Q·y by the
     * stored Householder reflectors. O(n²) beyond {@link #symmetricEigenvalues}.
     */
    public static void smallestEigenpair(int n, double[] a, int aOff, int lda, double[] eig, int eigOff,
                                         double[] vec, int vecOff, double[] work) {
        Check.vector("vec", vec.length, vecOff, n);
        symmetricEigenvalues(n, a, aOff, lda, eig, eigOff, work);
        if (n == 1) {
            vec[vecOff] = 1.0;
            return;
        }
        // work still holds d (0..n) and e (n..2n) of T and tau (4n..5n); A's columns hold the reflectors
        double[] y = new double[n];
        inverseIteration(n, work, 0, work, n, eig[eigOff], y);
        for (int k = n - 3; k >= 0; k--) {           // y ← H_k·y, H_k = I − tau_k·v_k·v_kᵀ on rows k+1..n−1
            double tau = work[4 * n + k];
            if (tau == 0.0) continue;
            int row = aOff + k * lda;
            double dot = y[k + 1];
            for (int i = k + 2; i < n; i++) dot += a[row + i] * y[i];
            double f = tau * dot;
            y[k + 1] -= f;
            for (int i = k + 2; i < n; i++) y[i] -= f * a[row + i];
        }
        double nrm = 0;
        for (double t : y) nrm += t * t;
        nrm = Math.sqrt(nrm);
        for (int i = 0; i < n; i++) vec[vecOff + i] = y[i] / nrm;
    }

    /**
     * Three steps of inverse iteration for the eigenvector of the tridiagonal (d, e) at the
     * eigenvalue lambda: solve (T − λI)·y_new = y by elimination with partial pivoting; a zero
     * pivot is replaced by eps·‖T‖ so the nearly singular system still gives the direction.
     */
    static void inverseIteration(int n, double[] d, int dOff, double[] e, int eOff, double lambda, double[] y) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[dOff + i]) + (i > 0 ? Math.abs(e[eOff + i - 1]) : 0) + (i < n - 1 ? Math.abs(e[eOff + i]) : 0));
        }
        double tiny = Math.max(norm, Double.MIN_NORMAL) * 0x1p-52;
        // LU of T − λI with partial pivoting: rows get up to two superdiagonals (u1, u2)
        double[] u0 = new double[n], u1 = new double[n], u2 = new double[n], l = new double[n];
        boolean[] swap = new boolean[n];
        double diag = d[dOff] - lambda, sup = n > 1 ? e[eOff] : 0;
        for (int i = 0; i < n - 1; i++) {
            double sub = e[eOff + i], nextDiag = d[dOff + i + 1] - lambda, nextSup = i + 1 < n - 1 ? e[eOff + i + 1] : 0;
            if (Math.abs(diag) >= Math.abs(sub)) {
                swap[i] = false;
                if (diag == 0) diag = tiny;
                u0[i] = diag; u1[i] = sup; u2[i] = 0;
                l[i] = sub / diag;
                diag = nextDiag - l[i] * sup;
                sup = nextSup;
            } else {
                swap[i] = true;
                u0[i] = sub; u1[i] = nextDiag; u2[i] = nextSup;
                l[i] = diag / sub;
                diag = sup - l[i] * nextDiag;
                sup = -l[i] * nextSup;
            }
        }
        u0[n - 1] = diag == 0 ? tiny : diag;
        java.util.Arrays.fill(y, 1.0);
        for (int it = 0; it < 3; it++) {
            // forward: apply the row swaps and multipliers
            for (int i = 0; i < n - 1; i++) {
                if (swap[i]) {
                    double t = y[i];
                    y[i] = y[i + 1];
                    y[i + 1] = t - l[i] * y[i];
                } else {
                    y[i + 1] -= l[i] * y[i];
                }
            }
            // back substitution with U (diagonal u0, superdiagonals u1, u2)
            for (int i = n - 1; i >= 0; i--) {
                double t = y[i];
                if (i + 1 < n) t -= u1[i] * y[i + 1];
                if (i + 2 < n) t -= u2[i] * y[i + 2];
                y[i] = t / u0[i];
            }
            double m = 0;
            for (double v : y) m = Math.max(m, Math.abs(v));
            for (int i = 0; i < n; i++) y[i] /= m;
        }
    }

    /**
     * Writes the n eigenvalues of the symmetric matrix A (upper triangle read, destroyed) to
     * {@code eig[eigOff..]} in ascending order.
     *
     * @throws ArithmeticException if the QL iteration does not converge (30 sweeps per
     *         eigenvalue, as EISPACK), or A holds NaN or infinity
     */
    public static void symmetricEigenvalues(int n, double[] a, int aOff, int lda, double[] eig, int eigOff, double[] work) {
        Check.matrix("A", a.length, aOff, n, n, lda);
        Check.vector("eig", eig.length, eigOff, n);
        Check.vector("work", work.length, 0, workSize(n));
        if (n == 0) return;
        if (n == 1) {
            if (!Double.isFinite(a[aOff])) throw new ArithmeticException("symmetric matrix entry (0, 0) is " + a[aOff]);
            eig[eigOff] = a[aOff];
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = a[aOff + i * lda + j];
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("symmetric matrix entry (" + i + ", " + j + ") is " + v);
                }
            }
        }
        int dAt = 0, eAt = n, vAt = 2 * n, wAt = 3 * n, uAt = 4 * n;
        tridiagonalize(n, a, aOff, lda, work, dAt, eAt, vAt, wAt, uAt);
        System.arraycopy(work, dAt, eig, eigOff, n);
        tql1(n, eig, eigOff, work, eAt);
        java.util.Arrays.sort(eig, eigOff, eigOff + n);
    }

    /**
     * Reduces the lower triangle of A to tridiagonal form: diagonal d (n), off-diagonal e
     * (n−1; e[i] couples i and i+1). Vectors v (current reflector), w, u (next reflector) and the
     * product q are indexed by absolute row, so the trailing matrix is A[k+1.., k+1..] in place.
     */
    private static void tridiagonalize(int n, double[] a, int aOff, int lda, double[] work,
                                       int dAt, int eAt, int vAt, int wAt, int uAt) {
        // Element (i, j), i ≥ j, of the symmetric matrix is read at a[aOff + j·lda + i] (the upper
        // triangle), so "column k below the diagonal" is a contiguous row segment.
        double[] v = new double[n], w = new double[n], u = new double[n], q = new double[n];
        // reflector for column 0, and p = tau·A[1:,1:]·v by a pass with a zero update
        double tau = house(n, a, aOff, lda, 0, v, work, eAt);
        work[uAt] = tau;
        java.util.Arrays.fill(q, 0.0);
        if (tau != 0.0) rows(a, aOff, lda, 1, n, null, null, v, w, v, v, q);
        for (int k = 0; k < n - 1; k++) {
            int s = k + 1;
            work[dAt + k] = a[aOff + k * lda + k];
            // w = p − (tau/2)(pᵀv)·v with p = tau·q
            double pv = 0.0;
            for (int i = s; i < n; i++) {
                q[i] *= tau;
                pv += q[i] * v[i];
            }
            double kk = 0.5 * tau * pv;
            for (int i = s; i < n; i++) w[i] = tau == 0.0 ? 0.0 : q[i] - kk * v[i];
            // column s of the trailing matrix (and its diagonal) first: it defines the next reflector
            int col = aOff + s * lda;
            for (int i = s; i < n; i++) a[col + i] = a[col + i] - v[i] * w[s] - w[i] * v[s];
            double nextTau = s < n - 1 ? house(n, a, aOff, lda, s, u, work, eAt) : 0.0;
            if (s < n - 1) work[uAt + s] = nextTau;
            // fused: rank-2 update of A[s+1.., s+1..] and q = (updated block)·u, one stored row each
            for (int i = s + 1; i < n; i++) q[i] = 0.0;
            rows(a, aOff, lda, s + 1, n, v, w, u, w, v, u, q);
            double[] t = v;
            v = u;
            u = t;
            tau = nextTau;
        }
        work[dAt + n - 1] = a[aOff + (n - 1) * lda + n - 1];
    }

    /**
     * The fused pass over stored rows first..n−1: row j is updated with the scalars vs[j], ws[j]
     * (null: no update, the first pass) and us[j], against the vectors w, v, u; q accumulates.
     * With the Vector API two rows share one pass over their common columns.
     */
    private static void rows(double[] a, int aOff, int lda, int first, int n, double[] vs, double[] ws, double[] us,
                             double[] w, double[] v, double[] u, double[] q) {
        int j = first;
        if (VECTOR) {
            for (; j + 1 < n; j += 2) {
                NtkVector.tridiagRow2(a, aOff + j * lda, aOff + (j + 1) * lda, j, n,
                        vs == null ? 0.0 : vs[j], ws == null ? 0.0 : ws[j], us[j],
                        vs == null ? 0.0 : vs[j + 1], ws == null ? 0.0 : ws[j + 1], us[j + 1], w, v, u, q);
            }
        }
        for (; j < n; j++) {
            row(a, aOff + j * lda, j + 1, n, j, vs == null ? 0.0 : vs[j], ws == null ? 0.0 : ws[j], us[j], w, v, u, q);
        }
    }

    private static void row(double[] a, int rowAt, int from, int to, int diag, double vi, double wi, double ui,
                            double[] w, double[] v, double[] u, double[] q) {
        if (VECTOR) NtkVector.tridiagRow(a, rowAt, from, to, diag, vi, wi, ui, w, v, u, q);
        else NtkScalar.tridiagRow(a, rowAt, from, to, diag, vi, wi, ui, w, v, u, q);
    }

    /**
     * The reflector H = I − tau·v·vᵀ (v[k+1] = 1) that maps column k below the diagonal,
     * x = A[k+1.., k] (stored as row k's entries right of the diagonal), onto e[k]·e₁ (LAPACK
     * dlarfg). Writes v[k+1..n−1] (and keeps v[k+2..] in that row for the back-transformation),
     * e[k]; returns tau.
     */
    private static double house(int n, double[] a, int aOff, int lda, int k, double[] v, double[] work, int eAt) {
        int s = k + 1, row = aOff + k * lda;
        double alpha = a[row + s];
        double scale = 0.0;
        for (int i = s + 1; i < n; i++) scale = Math.max(scale, Math.abs(a[row + i]));
        v[s] = 1.0;
        if (scale == 0.0) {
            for (int i = s + 1; i < n; i++) v[i] = a[row + i] = 0.0;
            work[eAt + k] = alpha;
            return 0.0;
        }
        double ss = 0.0;
        for (int i = s + 1; i < n; i++) {
            double t = a[row + i] / scale;
            ss += t * t;
        }
        double xnorm = scale * Math.sqrt(ss);
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double tau = (beta - alpha) / beta;
        double f = 1.0 / (alpha - beta);
        for (int i = s + 1; i < n; i++) {
            v[i] = a[row + i] * f;
            a[row + i] = v[i];     // kept for the back-transformation (this row is never read again)
        }
        work[eAt + k] = beta;
        return tau;
    }

    /**
     * Eigenvalues of the symmetric tridiagonal matrix (d, e) by the implicit QL method with
     * Wilkinson shifts (EISPACK tql1, as in Numerical Recipes' tqli without vectors). d is
     * overwritten by the eigenvalues (unordered); e[eOff..eOff+n−2] is destroyed.
     */
    static void tql1(int n, double[] d, int dOff, double[] e, int eOff) {
        if (n == 1) return;
        double[] f = new double[n];
        for (int i = 0; i < n - 1; i++) f[i] = e[eOff + i];
        f[n - 1] = 0.0;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[dOff + m]) + Math.abs(d[dOff + m + 1]);
                    if (Math.abs(f[m]) <= 0x1p-53 * dd) break;
                }
                if (m != l) {
                    if (iter++ == 30 * n) {
                        throw new ArithmeticException("QL iteration did not converge for eigenvalue " + l);
                    }
                    double g = (d[dOff + l + 1] - d[dOff + l]) / (2.0 * f[l]);
                    double r = Math.hypot(g, 1.0);
                    g = d[dOff + m] - d[dOff + l] + f[l] / (g + Math.copySign(r, g));
                    double s = 1.0, c = 1.0, p = 0.0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double ff = s * f[i], b = c * f[i];
                        r = Math.hypot(ff, g);
                        f[i + 1] = r;
                        if (r == 0.0) {
                            d[dOff + i + 1] -= p;
                            f[m] = 0.0;
                            break;
                        }
                        s = ff / r;
                        c = g / r;
                        g = d[dOff + i + 1] - p;
                        r = (d[dOff + i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[dOff + i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (r == 0.0 && i >= l) continue;
                    d[dOff + l] -= p;
                    f[l] = g;
                    f[m] = 0.0;
                }
            } while (m != l);
        }
    }
}
