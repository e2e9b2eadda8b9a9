package dev.basin.kernels;

/**
 * The kernels one implementation provides. Row-major matrices with a leading dimension (the
 * stride between rows) and an offset into a plain array, so callers can view flat buffers.
 * Arguments are checked once by {@link Kernels}; implementations trust them.
 *
 * <p>{@link ScalarKernels} is the reference and the fallback; {@code VectorKernels} is the
 * Vector API implementation. {@link KernelProvider} picks one at start-up.
 */
public interface KernelSupport {

    /** A short name for reports, e.g. {@code "vector (FloatVector 256-bit, 8 lanes)"}. */
    String describe();

    // ---- level 3 -------------------------------------------------------------------------

    /** C = alpha·op(A)·op(B) + beta·C with op(A) m×k, op(B) k×n, C m×n. beta = 0 ignores C's old values (NaN included). */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
               double beta, double[] c, int cOff, int ldc);

    /** Gram matrix C = alpha·A·Aᵀ + beta·C, A m×k, C m×m (both triangles written). */
    void gram(int m, int k, float alpha, float[] a, int aOff, int lda, float beta, float[] c, int cOff, int ldc);

    void gram(int m, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c, int cOff, int ldc);

    // ---- level 2 -------------------------------------------------------------------------

    /** y = alpha·op(A)·x + beta·y, A m×n row-major; op(A) = Aᵀ when trans. Unit strides. */
    void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
               float[] x, int xOff, float beta, float[] y, int yOff);

    void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda,
               double[] x, int xOff, double beta, double[] y, int yOff);

    /** Rank-1 update A += alpha·x·yᵀ, A m×n. */
    void ger(int m, int n, float alpha, float[] x, int xOff, float[] y, int yOff, float[] a, int aOff, int lda);

    void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff, double[] a, int aOff, int lda);

    // ---- level 1 -------------------------------------------------------------------------

    float dot(int n, float[] x, int xOff, float[] y, int yOff);

    double dot(int n, double[] x, int xOff, double[] y, int yOff);

    /** y += alpha·x. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** x *= alpha. */
    void scal(int n, float alpha, float[] x, int xOff);

    void scal(int n, double alpha, double[] x, int xOff);

    float sum(int n, float[] x, int xOff);

    double sum(int n, double[] x, int xOff);

    /** Σ|x_i|. */
    float asum(int n, float[] x, int xOff);

    double asum(int n, double[] x, int xOff);

    /** Euclidean norm, scaled so that it neither overflows nor underflows for finite input. */
    float nrm2(int n, float[] x, int xOff);

    double nrm2(int n, double[] x, int xOff);

    // ---- activations ---------------------------------------------------------------------

    /** y = act(x) elementwise; x and y may be the same range (in place). */
    void activate(Activation act, int n, float[] x, int xOff, float[] y, int yOff);

    void activate(Activation act, int n, double[] x, int xOff, double[] y, int yOff);

    /**
     * Backward: dz = dy ∘ act'(z) elementwise, where z is the pre-activation. dz may alias dy
     * (in place) but not z.
     */
    void activateBackward(Activation act, int n, float[] z, int zOff, float[] dy, int dyOff, float[] dz, int dzOff);

    void activateBackward(Activation act, int n, double[] z, int zOff, double[] dy, int dyOff, double[] dz, int dzOff);

    /**
     * Fused bias and activation over an m×n row-major block (m samples, n units): first
     * z[i,j] += bias[j] in place, then y[i,j] = act(z[i,j]). z keeps the pre-activation for the
     * backward pass; y may alias z when the pre-activation is not needed.
     */
    void biasActivate(Activation act, int m, int n, float[] bias, int biasOff,
                      float[] z, int zOff, int ldz, float[] y, int yOff, int ldy);

    void biasActivate(Activation act, int m, int n, double[] bias, int biasOff,
                      double[] z, int zOff, int ldz, double[] y, int yOff, int ldy);

    // ---- fused layers ----------------------------------------------------------------------

    /**
     * Loss and gradient of a dense layer of small fan-in followed by one linear output, under a
     * squared loss, in one call (forward, loss, backward):
     * <pre>
     *   z_d = W1·x_d + b1,  h_d = act(z_d),  out_d = w2·h_d + b2,  r_d = out_d − t_d
     *   loss = Σ_d r_d²  (mean: divided by rows)
     * </pre>
     * for the rows points x_d (row-major rows×in at xOff) and targets t_d (rows values at tOff).
     * The parameters p from pOff are laid out as nn.Linear stores them, one layer after the other:
     * W1 (hidden×in row-major, W1[j][i] at j·in + i), b1 (hidden), w2 (hidden), b2 (one value);
     * {@link Kernels#denseLinearParams} of them in all. The gradient of the loss is written to
     * grad from gradOff in the same layout (overwriting it), out_d to out at outOff + d, and the
     * loss, accumulated in double, is returned. dLoss/dout_d = c·r_d with c = 2/rows (mean) or 2,
     * computed in the array's precision as the trainer's loss does. work needs
     * {@link Kernels#denseLinearWorkSize} elements (contents on entry ignored). Shapes are
     * rows, in, hidden ≥ 1; no array range may overlap another.
     */
    double denseLinearLossGrad(Activation act, int rows, int in, int hidden, float[] x, int xOff, float[] t, int tOff,
                               float[] p, int pOff, float[] grad, int gradOff, float[] out, int outOff, boolean mean,
                               float[] work, int workOff);

    double denseLinearLossGrad(Activation act, int rows, int in, int hidden, double[] x, int xOff, double[] t, int tOff,
                               double[] p, int pOff, double[] grad, int gradOff, double[] out, int outOff, boolean mean,
                               double[] work, int workOff);
}
