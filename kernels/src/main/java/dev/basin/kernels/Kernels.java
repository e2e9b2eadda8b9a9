package dev.basin.kernels;

/**
 * basin's kernels: static, BLAS-like routines on plain arrays, row-major, each matrix given by
 * an array, an offset and a leading dimension (the stride between rows). Every call checks its
 * shapes and bounds and then runs the implementation chosen once by {@link KernelProvider}.
 *
 * <pre>{@code
 * float[] a = ..., b = ..., c = new float[m * n];
 * Kernels.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);   // C = A·B
 * }</pre>
 */
public final class Kernels {

    private static final KernelSupport K = KernelProvider.get();

    private Kernels() {}

    /** The implementation in use, e.g. for a report header. */
    public static String implementation() {
        return K.describe();
    }

    // ---- level 3 -------------------------------------------------------------------------

    /** C = alpha·op(A)·op(B) + beta·C; op(A) is m×k, op(B) is k×n, C is m×n. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        Check.gemm(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        K.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** C = alpha·op(A)·op(B) + beta·C in double precision. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        Check.gemm(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        K.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** Gram matrix C = alpha·A·Aᵀ + beta·C; A is m×k, C is m×m. */
    public static void gram(int m, int k, float alpha, float[] a, int aOff, int lda,
                            float beta, float[] c, int cOff, int ldc) {
        Check.matrix("A", a.length, aOff, m, k, lda);
        Check.matrix("C", c.length, cOff, m, m, ldc);
        if (m == 0) return;
        K.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    public static void gram(int m, int k, double alpha, double[] a, int aOff, int lda,
                            double beta, double[] c, int cOff, int ldc) {
        Check.matrix("A", a.length, aOff, m, k, lda);
        Check.matrix("C", c.length, cOff, m, m, ldc);
        if (m == 0) return;
        K.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    // ---- level 2 -------------------------------------------------------------------------

    /** y = alpha·op(A)·x + beta·y; A is m×n, op(A) = Aᵀ when trans. */
    public static void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                             float[] x, int xOff, float beta, float[] y, int yOff) {
        Check.matrix("A", a.length, aOff, m, n, lda);
        Check.vector("x", x.length, xOff, trans ? m : n);
        Check.vector("y", y.length, yOff, trans ? n : m);
        K.sgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    public static void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda,
                             double[] x, int xOff, double beta, double[] y, int yOff) {
        Check.matrix("A", a.length, aOff, m, n, lda);
        Check.vector("x", x.length, xOff, trans ? m : n);
        Check.vector("y", y.length, yOff, trans ? n : m);
        K.dgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    /** Rank-1 update A += alpha·x·yᵀ; A is m×n. */
    public static void ger(int m, int n, float alpha, float[] x, int xOff, float[] y, int yOff,
                           float[] a, int aOff, int lda) {
        Check.vector("x", x.length, xOff, m);
        Check.vector("y", y.length, yOff, n);
        Check.matrix("A", a.length, aOff, m, n, lda);
        K.ger(m, n, alpha, x, xOff, y, yOff, a, aOff, lda);
    }

    public static void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff,
                           double[] a, int aOff, int lda) {
        Check.vector("x", x.length, xOff, m);
        Check.vector("y", y.length, yOff, n);
        Check.matrix("A", a.length, aOff, m, n, lda);
        K.ger(m, n, alpha, x, xOff, y, yOff, a, aOff, lda);
    }

    // ---- level 1 -------------------------------------------------------------------------

    public static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        return K.dot(n, x, xOff, y, yOff);
    }

    public static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        return K.dot(n, x, xOff, y, yOff);
    }

    /** y += alpha·x. */
    public static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        K.axpy(n, alpha, x, xOff, y, yOff);
    }

    public static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        K.axpy(n, alpha, x, xOff, y, yOff);
    }

    /** x *= alpha. */
    public static void scal(int n, float alpha, float[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        K.scal(n, alpha, x, xOff);
    }

    public static void scal(int n, double alpha, double[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        K.scal(n, alpha, x, xOff);
    }

    public static float sum(int n, float[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        return K.sum(n, x, xOff);
    }

    public static double sum(int n, double[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        return K.sum(n, x, xOff);
    }

    /** Σ|x_i|. */
    public static float asum(int n, float[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        return K.asum(n, x, xOff);
    }

    public static double asum(int n, double[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        return K.asum(n, x, xOff);
    }

    /** Euclidean norm ‖x‖₂. */
    public static float nrm2(int n, float[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        return K.nrm2(n, x, xOff);
    }

    public static double nrm2(int n, double[] x, int xOff) {
        Check.vector("x", x.length, xOff, n);
        return K.nrm2(n, x, xOff);
    }

    // ---- activations ---------------------------------------------------------------------

    /** y = act(x); may be in place. */
    public static void activate(Activation act, int n, float[] x, int xOff, float[] y, int yOff) {
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        K.activate(act, n, x, xOff, y, yOff);
    }

    public static void activate(Activation act, int n, double[] x, int xOff, double[] y, int yOff) {
        Check.vector("x", x.length, xOff, n);
        Check.vector("y", y.length, yOff, n);
        K.activate(act, n, x, xOff, y, yOff);
    }

    /** dz = dy ∘ act'(z), z the pre-activation; dz may alias dy. */
    public static void activateBackward(Activation act, int n, float[] z, int zOff, float[] dy, int dyOff,
                                        float[] dz, int dzOff) {
        Check.vector("z", z.length, zOff, n);
        Check.vector("dy", dy.length, dyOff, n);
        Check.vector("dz", dz.length, dzOff, n);
        K.activateBackward(act, n, z, zOff, dy, dyOff, dz, dzOff);
    }

    public static void activateBackward(Activation act, int n, double[] z, int zOff, double[] dy, int dyOff,
                                        double[] dz, int dzOff) {
        Check.vector("z", z.length, zOff, n);
        Check.vector("dy", dy.length, dyOff, n);
        Check.vector("dz", dz.length, dzOff, n);
        K.activateBackward(act, n, z, zOff, dy, dyOff, dz, dzOff);
    }

    /** z[i,j] += bias[j], then y[i,j] = act(z[i,j]), over m rows of n units. */
    public static void biasActivate(Activation act, int m, int n, float[] bias, int biasOff,
                                    float[] z, int zOff, int ldz, float[] y, int yOff, int ldy) {
        Check.vector("bias", bias.length, biasOff, n);
        Check.matrix("Z", z.length, zOff, m, n, ldz);
        Check.matrix("Y", y.length, yOff, m, n, ldy);
        K.biasActivate(act, m, n, bias, biasOff, z, zOff, ldz, y, yOff, ldy);
    }

    public static void biasActivate(Activation act, int m, int n, double[] bias, int biasOff,
                                    double[] z, int zOff, int ldz, double[] y, int yOff, int ldy) {
        Check.vector("bias", bias.length, biasOff, n);
        Check.matrix("Z", z.length, zOff, m, n, ldz);
        Check.matrix("Y", y.length, yOff, m, n, ldy);
        K.biasActivate(act, m, n, bias, biasOff, z, zOff, ldz, y, yOff, ldy);
    }

    // ---- fused layers ----------------------------------------------------------------------

    /** Number of parameters of {@link #denseLinearLossGrad}'s net: W1, b1, w2, b2. */
    public static int denseLinearParams(int in, int hidden) {
        return Math.addExact(Math.multiplyExact(hidden, in + 2), 1);
    }

    /** Scratch elements {@link #denseLinearLossGrad} needs (W1ᵀ, dW1ᵀ and one point's pre-activations). */
    public static int denseLinearWorkSize(int in, int hidden) {
        return Math.addExact(Math.multiplyExact(2, Math.multiplyExact(in, hidden)), hidden);
    }

    /**
     * Loss and gradient of act(W1·x + b1) → w2·h + b2 under a squared loss, forward and backward
     * in one call: the step of a 2-layer MLP with one linear output, without the round trips of
     * the rows×hidden activations through memory. Meant for a small fan-in {@code in} (the
     * trainer uses it up to 8; it is correct for any). See
     * {@link KernelSupport#denseLinearLossGrad(Activation, int, int, int, float[], int, float[], int, float[], int, float[], int, float[], int, boolean, float[], int)}
     * for the layout; returns the loss.
     */
    public static double denseLinearLossGrad(Activation act, int rows, int in, int hidden, float[] x, int xOff,
                                             float[] t, int tOff, float[] p, int pOff, float[] grad, int gradOff,
                                             float[] out, int outOff, boolean mean, float[] work, int workOff) {
        checkDenseLinear(act, rows, in, hidden, x.length, xOff, t.length, tOff, p.length, pOff, grad.length, gradOff,
                out.length, outOff, work.length, workOff);
        return K.denseLinearLossGrad(act, rows, in, hidden, x, xOff, t, tOff, p, pOff, grad, gradOff, out, outOff, mean,
                work, workOff);
    }

    public static double denseLinearLossGrad(Activation act, int rows, int in, int hidden, double[] x, int xOff,
                                             double[] t, int tOff, double[] p, int pOff, double[] grad, int gradOff,
                                             double[] out, int outOff, boolean mean, double[] work, int workOff) {
        checkDenseLinear(act, rows, in, hidden, x.length, xOff, t.length, tOff, p.length, pOff, grad.length, gradOff,
                out.length, outOff, work.length, workOff);
        return K.denseLinearLossGrad(act, rows, in, hidden, x, xOff, t, tOff, p, pOff, grad, gradOff, out, outOff, mean,
                work, workOff);
    }

    private static void checkDenseLinear(Activation act, int rows, int in, int hidden, int xLen, int xOff, int tLen, int tOff,
                                         int pLen, int pOff, int gLen, int gOff, int outLen, int outOff, int wLen, int wOff) {
        if (act == null) throw new IllegalArgumentException("activation is null");
        if (rows < 1 || in < 1 || hidden < 1) {
            throw new IllegalArgumentException("denseLinearLossGrad needs rows, in, hidden ≥ 1, got " + rows + ", " + in + ", " + hidden);
        }
        int np = denseLinearParams(in, hidden);
        Check.matrix("x", xLen, xOff, rows, in, in);
        Check.vector("t", tLen, tOff, rows);
        Check.vector("params", pLen, pOff, np);
        Check.vector("grad", gLen, gOff, np);
        Check.vector("out", outLen, outOff, rows);
        Check.vector("work", wLen, wOff, denseLinearWorkSize(in, hidden));
    }
}
