package dev.basin.kernels;

/**
 * The empirical neural tangent kernel K = J·Jᵀ (D × D, float64) of a one-hidden-layer net
 * NN(x) = w2·act(W1·x + b1) + b2, computed from the layer structure without forming J:
 *
 * <pre>  K = H·Hᵀ + 1 + (G·Gᵀ) ∘ (X·Xᵀ + 1),   H_d = act(z_d),  G_d = w2 ∘ act'(z_d)</pre>
 *
 * (the w2 block gives H·Hᵀ, b2 the 1, and the W1, b1 blocks ∂NN/∂W1[m,n] = G_dm·x_dn give the
 * Hadamard term). That is two D×D×M symmetric products instead of one D×D×P with P ≈ (N+2)·M.
 * The products run in {@link NtkVector} when the Vector API is on, else {@link NtkScalar}.
 */
public final class NtkKernels {

    private static final boolean VECTOR = KernelProvider.isVectorized();

    private NtkKernels() {}

    /** Scratch doubles {@link #gramOneHidden} needs for D samples and M hidden units. */
    public static int gramWorkSize(int samples, int hidden) {
        return 3 * samples * hidden;
    }

    /**
     * Writes K = J·Jᵀ (both triangles) for a one-hidden-layer, all-trainable, biased net (for
     * example {@code JacobianNet.dense(act, N, M, 1)}) at the inputs x (D × N).
     */
    public static void gramOneHidden(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                                     double[] params, int pOff, double[] k, int kOff, int ldk, double[] work) {
        if (!net.isOneHiddenAllTrainable()) {
            throw new IllegalArgumentException("the structured Gram needs a one-hidden-layer net with every layer"
                    + " trainable and biased and a linear output; got " + net);
        }
        int n = net.width(0), m = net.width(1), d = samples;
        Check.matrix("X", x.length, xOff, d, n, ldx);
        Check.vector("params", params.length, pOff, net.paramCount);
        Check.matrix("K", k.length, kOff, d, d, ldk);
        Check.vector("work", work.length, 0, gramWorkSize(d, m));
        Activation act = net.acts[0];
        int zAt = 0, hAt = d * m, gAt = 2 * d * m;
        // Z = X·W1ᵀ + b1, H = act(Z), G = w2 ∘ act'(Z)
        Kernels.dgemm(false, true, d, m, n, 1.0, x, xOff, ldx, params, pOff + net.wOff[0], n, 0.0, work, zAt, m);
        Kernels.biasActivate(act, d, m, params, pOff + net.bOff[0], work, zAt, m, work, hAt, m);
        int w2 = pOff + net.wOff[1];
        for (int r = 0; r < d; r++) {
            Kernels.activateBackward(act, m, work, zAt + r * m, params, w2, work, gAt + r * m);
        }
        double[] gg = d * d <= d * m ? work : new double[d * d];
        assemble(d, n, m, x, xOff, ldx, work, hAt, m, work, gAt, m, k, kOff, ldk, gg);
    }

    /** Scratch doubles {@link #gramOneHiddenFromJacobian} needs for D samples. */
    public static int gramFromJacobianWorkSize(int samples) {
        return samples * samples;
    }

    /**
     * The same K = J·Jᵀ as {@link #gramOneHidden}, from a per-sample Jacobian J (D × P, columns
     * as {@link JacobianNet#weightColumn}/{@link JacobianNet#biasColumn} place them) already
     * computed for this net at these inputs: H is J's output-weight block and G its first-layer
     * bias block, read in place (row stride ldj), so the first layer is not evaluated again.
     * Only X, not the parameters, is needed besides J.
     */
    public static void gramOneHiddenFromJacobian(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                                                 double[] j, int jOff, int ldj, double[] k, int kOff, int ldk, double[] work) {
        if (!net.isOneHiddenAllTrainable()) {
            throw new IllegalArgumentException("the structured Gram needs a one-hidden-layer net with every layer"
                    + " trainable and biased and a linear output; got " + net);
        }
        int n = net.width(0), m = net.width(1), d = samples;
        Check.matrix("X", x.length, xOff, d, n, ldx);
        Check.matrix("J", j.length, jOff, d, net.columns(), ldj);
        Check.matrix("K", k.length, kOff, d, d, ldk);
        Check.vector("work", work.length, 0, gramFromJacobianWorkSize(d));
        assemble(d, n, m, x, xOff, ldx, j, jOff + net.weightColumn(1), ldj, j, jOff + net.biasColumn(0), ldj, k, kOff, ldk, work);
    }

    /**
     * K = H·Hᵀ + 1 + (G·Gᵀ) ∘ (X·Xᵀ + 1), both triangles: H·Hᵀ's lower triangle into K, G·Gᵀ's
     * into gg (D × D), the combination row by row, then the upper triangle by 32×32 tiles so the
     * transposed writes stay in cache.
     */
    private static void assemble(int d, int n, int m, double[] x, int xOff, int ldx, double[] h, int hOff, int ldh,
                                 double[] g, int gOff, int ldg, double[] k, int kOff, int ldk, double[] gg) {
        syrkLower(d, m, h, hOff, ldh, k, kOff, ldk);
        syrkLower(d, m, g, gOff, ldg, gg, 0, d);
        for (int i = 0; i < d; i++) {
            int xi = xOff + i * ldx, ki = kOff + i * ldk, gi = i * d;
            for (int c = 0; c <= i; c++) {
                int xc = xOff + c * ldx;
                double xx = 1.0;
                for (int t = 0; t < n; t++) xx += x[xi + t] * x[xc + t];
                k[ki + c] = k[ki + c] + 1.0 + gg[gi + c] * xx;
            }
        }
        for (int i0 = 0; i0 < d; i0 += 32) {
            int i1 = Math.min(d, i0 + 32);
            for (int c0 = 0; c0 <= i0; c0 += 32) {
                int c1 = Math.min(d, c0 + 32);
                for (int i = i0; i < i1; i++) {
                    int ki = kOff + i * ldk, end = Math.min(c1, i);
                    for (int c = c0; c < end; c++) k[kOff + c * ldk + i] = k[ki + c];
                }
            }
        }
    }

    /**
     * The Rayleigh quotient of K = J·Jᵀ at a unit vector v, evaluated through J rather than K:
     * u = Jᵀ·v, θ = ‖u‖², and the residual ‖J·u − θ·v‖. Because u is small when v is near the
     * smallest singular direction, its rounding error scales with σ_max·σ_min rather than
     * σ_max² as K's does — this is how the Gram route's σ_min = √θ is refined to the accuracy of
     * an SVD of J. θ ≥ λ_min(K) in exact arithmetic, and some eigenvalue lies within the residual.
     *
     * @param u    scratch of cols doubles (receives Jᵀ·v)
     * @return {θ, ‖J·Jᵀ·v − θ·v‖}
     */
    public static double[] rayleighThroughJ(int rows, int cols, double[] j, int jOff, int ldj, double[] v, int vOff, double[] u) {
        Check.matrix("J", j.length, jOff, rows, cols, ldj);
        Check.vector("v", v.length, vOff, rows);
        Check.vector("u", u.length, 0, cols);
        // two passes over J, each one dgemv (about 2.4× faster than row-by-row axpy and dot here)
        Kernels.dgemv(true, rows, cols, 1.0, j, jOff, ldj, v, vOff, 0.0, u, 0);
        double theta = Kernels.dot(cols, u, 0, u, 0);
        double[] ju = new double[rows];
        Kernels.dgemv(false, rows, cols, 1.0, j, jOff, ldj, u, 0, 0.0, ju, 0);
        double res = 0;
        for (int d = 0; d < rows; d++) {
            double t = ju[d] - theta * v[vOff + d];
            res += t * t;
        }
        return new double[] {theta, Math.sqrt(res)};
    }

    /**
     * The lower triangle (diagonal included) of C = A·Aᵀ, A n×k row-major; the strict upper
     * triangle of C is left as it was.
     */
    public static void syrkLower(int n, int k, double[] a, int aOff, int lda, double[] c, int cOff, int ldc) {
        Check.matrix("A", a.length, aOff, n, k, lda);
        Check.matrix("C", c.length, cOff, n, n, ldc);
        if (n == 0) return;
        lower(n, k, a, aOff, lda, c, cOff, ldc);
    }

    /** Triangles up to this order go to the 4×4 dot-product kernel; larger ones are split. */
    static final int SYRK_LEAF = 128;

    /**
     * Recursive lower triangle: [C11; C21 C22] with C21 = A2·A1ᵀ one rectangular
     * {@link Kernels#dgemm} (the packed GEMM runs at about 1.3× the triangle kernel's rate), the
     * two triangles recursively, down to {@link #SYRK_LEAF}. The split is a multiple of 8 rows.
     */
    private static void lower(int n, int k, double[] a, int aOff, int lda, double[] c, int cOff, int ldc) {
        if (n <= SYRK_LEAF) {
            if (VECTOR) NtkVector.syrkLower(n, k, a, aOff, lda, c, cOff, ldc);
            else NtkScalar.syrkLower(n, k, a, aOff, lda, c, cOff, ldc);
            return;
        }
        int n1 = ((n + 1) / 2 + 7) & ~7, n2 = n - n1;
        lower(n1, k, a, aOff, lda, c, cOff, ldc);
        Kernels.dgemm(false, true, n2, n1, k, 1.0, a, aOff + n1 * lda, lda, a, aOff, lda, 0.0, c, cOff + n1 * ldc, ldc);
        lower(n2, k, a, aOff + n1 * lda, lda, c, cOff + n1 * ldc + n1, ldc);
    }
}
