package dev.basin.kernels;

/**
 * Plain-Java implementation of every kernel: the oracle the SIMD paths are tested against, and
 * the fallback when {@code jdk.incubator.vector} is not in the boot layer. Written for clarity,
 * not speed: one obvious loop per kernel.
 */
public class ScalarKernels implements KernelSupport {

    /** A scalar implementation, usable directly, e.g. as the oracle in a test. */
    public ScalarKernels() {}

    @Override
    public String describe() {
        return "scalar (plain Java, no Vector API)";
    }

    // ---- level 3 -------------------------------------------------------------------------

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    acc += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0f ? alpha * acc : alpha * acc + beta * c[ci];
            }
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0.0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    acc += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0.0 ? alpha * acc : alpha * acc + beta * c[ci];
            }
        }
    }

    @Override
    public void gram(int m, int k, float alpha, float[] a, int aOff, int lda, float beta, float[] c, int cOff, int ldc) {
        sgemm(false, true, m, m, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public void gram(int m, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c, int cOff, int ldc) {
        dgemm(false, true, m, m, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
    }

    // ---- level 2 -------------------------------------------------------------------------

    @Override
    public void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                      float[] x, int xOff, float beta, float[] y, int yOff) {
        int rows = trans ? n : m, cols = trans ? m : n;
        for (int i = 0; i < rows; i++) {
            float acc = 0f;
            for (int j = 0; j < cols; j++) {
                float av = trans ? a[aOff + j * lda + i] : a[aOff + i * lda + j];
                acc += av * x[xOff + j];
            }
            y[yOff + i] = beta == 0f ? alpha * acc : alpha * acc + beta * y[yOff + i];
        }
    }

    @Override
    public void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda,
                      double[] x, int xOff, double beta, double[] y, int yOff) {
        int rows = trans ? n : m, cols = trans ? m : n;
        for (int i = 0; i < rows; i++) {
            double acc = 0.0;
            for (int j = 0; j < cols; j++) {
                double av = trans ? a[aOff + j * lda + i] : a[aOff + i * lda + j];
                acc += av * x[xOff + j];
            }
            y[yOff + i] = beta == 0.0 ? alpha * acc : alpha * acc + beta * y[yOff + i];
        }
    }

    @Override
    public void ger(int m, int n, float alpha, float[] x, int xOff, float[] y, int yOff, float[] a, int aOff, int lda) {
        for (int i = 0; i < m; i++) {
            float s = alpha * x[xOff + i];
            for (int j = 0; j < n; j++) a[aOff + i * lda + j] += s * y[yOff + j];
        }
    }

    @Override
    public void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff, double[] a, int aOff, int lda) {
        for (int i = 0; i < m; i++) {
            double s = alpha * x[xOff + i];
            for (int j = 0; j < n; j++) a[aOff + i * lda + j] += s * y[yOff + j];
        }
    }

    // ---- level 1 -------------------------------------------------------------------------

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        float acc = 0f;
        for (int i = 0; i < n; i++) acc += x[xOff + i] * y[yOff + i];
        return acc;
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        double acc = 0.0;
        for (int i = 0; i < n; i++) acc += x[xOff + i] * y[yOff + i];
        return acc;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void scal(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) x[xOff + i] *= alpha;
    }

    @Override
    public void scal(int n, double alpha, double[] x, int xOff) {
        for (int i = 0; i < n; i++) x[xOff + i] *= alpha;
    }

    @Override
    public float sum(int n, float[] x, int xOff) {
        float acc = 0f;
        for (int i = 0; i < n; i++) acc += x[xOff + i];
        return acc;
    }

    @Override
    public double sum(int n, double[] x, int xOff) {
        double acc = 0.0;
        for (int i = 0; i < n; i++) acc += x[xOff + i];
        return acc;
    }

    @Override
    public float asum(int n, float[] x, int xOff) {
        float acc = 0f;
        for (int i = 0; i < n; i++) acc += Math.abs(x[xOff + i]);
        return acc;
    }

    @Override
    public double asum(int n, double[] x, int xOff) {
        double acc = 0.0;
        for (int i = 0; i < n; i++) acc += Math.abs(x[xOff + i]);
        return acc;
    }

    @Override
    public float nrm2(int n, float[] x, int xOff) {
        // Accumulate in double: float32 squares of values above ~1e19 would overflow.
        double acc = 0.0;
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            acc += v * v;
        }
        return (float) Math.sqrt(acc);
    }

    @Override
    public double nrm2(int n, double[] x, int xOff) {
        // Scale by the largest magnitude so the sum of squares neither overflows nor underflows.
        double scale = 0.0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[xOff + i]));
        if (scale == 0.0 || !Double.isFinite(scale)) return scale;
        double acc = 0.0;
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i] / scale;
            acc += v * v;
        }
        return scale * Math.sqrt(acc);
    }

    // ---- activations ---------------------------------------------------------------------

    @Override
    public void activate(Activation act, int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] = act.apply(x[xOff + i]);
    }

    @Override
    public void activate(Activation act, int n, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) y[yOff + i] = act.apply(x[xOff + i]);
    }

    @Override
    public void activateBackward(Activation act, int n, float[] z, int zOff, float[] dy, int dyOff, float[] dz, int dzOff) {
        for (int i = 0; i < n; i++) dz[dzOff + i] = dy[dyOff + i] * act.derivative(z[zOff + i]);
    }

    @Override
    public void activateBackward(Activation act, int n, double[] z, int zOff, double[] dy, int dyOff, double[] dz, int dzOff) {
        for (int i = 0; i < n; i++) dz[dzOff + i] = dy[dyOff + i] * act.derivative(z[zOff + i]);
    }

    @Override
    public void biasActivate(Activation act, int m, int n, float[] bias, int biasOff,
                             float[] z, int zOff, int ldz, float[] y, int yOff, int ldy) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float v = z[zOff + i * ldz + j] + bias[biasOff + j];
                z[zOff + i * ldz + j] = v;
                y[yOff + i * ldy + j] = act.apply(v);
            }
        }
    }

    @Override
    public void biasActivate(Activation act, int m, int n, double[] bias, int biasOff,
                             double[] z, int zOff, int ldz, double[] y, int yOff, int ldy) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = z[zOff + i * ldz + j] + bias[biasOff + j];
                z[zOff + i * ldz + j] = v;
                y[yOff + i * ldy + j] = act.apply(v);
            }
        }
    }

    // ---- fused layers ----------------------------------------------------------------------

    /** The plain loops: a forward pass over the points, then a backward pass recomputing z. */
    @Override
    public double denseLinearLossGrad(Activation act, int rows, int in, int hidden, float[] x, int xOff, float[] t, int tOff,
                                      float[] p, int pOff, float[] grad, int gradOff, float[] out, int outOff, boolean mean,
                                      float[] work, int workOff) {
        int b1 = hidden * in, w2 = b1 + hidden, b2 = w2 + hidden;
        for (int d = 0; d < rows; d++) {
            float s = 0f;
            for (int j = 0; j < hidden; j++) {
                s += p[pOff + w2 + j] * act.apply(preActivation(in, x, xOff + d * in, p, pOff + j * in, p[pOff + b1 + j]));
            }
            out[outOff + d] = s + p[pOff + b2];
        }
        float c = mean ? 2f / rows : 2f;
        double total = 0.0;
        java.util.Arrays.fill(grad, gradOff, gradOff + b2 + 1, 0f);
        for (int d = 0; d < rows; d++) {
            float r = out[outOff + d] - t[tOff + d];
            total += (double) r * r;
            float gd = c * r;
            grad[gradOff + b2] += gd;
            for (int j = 0; j < hidden; j++) {
                float z = preActivation(in, x, xOff + d * in, p, pOff + j * in, p[pOff + b1 + j]);
                grad[gradOff + w2 + j] += gd * act.apply(z);
                float delta = gd * p[pOff + w2 + j] * act.derivative(z);
                grad[gradOff + b1 + j] += delta;
                for (int i = 0; i < in; i++) grad[gradOff + j * in + i] += delta * x[xOff + d * in + i];
            }
        }
        return mean ? total / rows : total;
    }

    @Override
    public double denseLinearLossGrad(Activation act, int rows, int in, int hidden, double[] x, int xOff, double[] t, int tOff,
                                      double[] p, int pOff, double[] grad, int gradOff, double[] out, int outOff, boolean mean,
                                      double[] work, int workOff) {
        int b1 = hidden * in, w2 = b1 + hidden, b2 = w2 + hidden;
        for (int d = 0; d < rows; d++) {
            double s = 0.0;
            for (int j = 0; j < hidden; j++) {
                s += p[pOff + w2 + j] * act.apply(preActivation(in, x, xOff + d * in, p, pOff + j * in, p[pOff + b1 + j]));
            }
            out[outOff + d] = s + p[pOff + b2];
        }
        double c = mean ? 2.0 / rows : 2.0;
        double total = 0.0;
        java.util.Arrays.fill(grad, gradOff, gradOff + b2 + 1, 0.0);
        for (int d = 0; d < rows; d++) {
            double r = out[outOff + d] - t[tOff + d];
            total += r * r;
            double gd = c * r;
            grad[gradOff + b2] += gd;
            for (int j = 0; j < hidden; j++) {
                double z = preActivation(in, x, xOff + d * in, p, pOff + j * in, p[pOff + b1 + j]);
                grad[gradOff + w2 + j] += gd * act.apply(z);
                double delta = gd * p[pOff + w2 + j] * act.derivative(z);
                grad[gradOff + b1 + j] += delta;
                for (int i = 0; i < in; i++) grad[gradOff + j * in + i] += delta * x[xOff + d * in + i];
            }
        }
        return mean ? total / rows : total;
    }

    /** One hidden unit's pre-activation Σ_i x_i·w_i + b, summed in order as the generic dense layer. */
    static float preActivation(int in, float[] x, int xr, float[] w, int wr, float b) {
        float z = 0f;
        for (int i = 0; i < in; i++) z += x[xr + i] * w[wr + i];
        return z + b;
    }

    static double preActivation(int in, double[] x, int xr, double[] w, int wr, double b) {
        double z = 0.0;
        for (int i = 0; i < in; i++) z += x[xr + i] * w[wr + i];
        return z + b;
    }
}
