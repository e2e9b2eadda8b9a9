package dev.basin.trainer;

import dev.basin.kernels.Activation;
import dev.basin.kernels.Kernels;

/**
 * A flat preallocated buffer of one precision, with the handful of operations the trainer needs.
 *
 * <p>Why this design: the model and trainer are written once, against {@code Buf}, and read top to
 * bottom like llm.c; the only code that exists twice is in the two tiny subclasses below, each a
 * one-line forward to the float or double {@link Kernels} call (plus the loss loops). A
 * double-master/float-shadow design would have needed conversions every step; generics cannot
 * abstract over primitive arrays without boxing. Within one model every buffer has the same
 * subclass, so each call site is monomorphic and the JIT inlines the forward.
 *
 * <p>Operations write into {@code this} (the "output" buffer) and read the buffers passed in; the
 * caller guarantees all buffers share one precision (mixing them throws a ClassCastException).
 */
public abstract sealed class Buf permits Buf.F32, Buf.F64 {

    /** Allocates a zeroed buffer of {@code n} elements in the given precision. */
    public static Buf allocate(Precision p, int n) {
        return p == Precision.F32 ? new F32(new float[n]) : new F64(new double[n]);
    }

    public abstract Precision precision();

    public abstract int length();

    public abstract double get(int i);

    public abstract void set(int i, double v);

    public abstract void fill(int off, int n, double v);

    /** Copies n elements of {@code src} (any precision, rounded to this one) into this buffer at off. */
    public abstract void copyFrom(double[] src, int srcOff, int off, int n);

    /** Copies n elements of this buffer from off into {@code dst} (widened to double). */
    public abstract void copyTo(int off, double[] dst, int dstOff, int n);

    /** Copies n elements from {@code src} (same precision) at srcOff into this buffer at off. */
    public abstract void copyFrom(Buf src, int srcOff, int off, int n);

    /** C(this) = alpha·op(A)·op(B) + beta·C. */
    public abstract void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha,
                              Buf a, int aOff, int lda, Buf b, int bOff, int ldb,
                              double beta, int cOff, int ldc);

    /** y(this) = alpha·op(A)·x + beta·y. */
    public abstract void gemv(boolean trans, int m, int n, double alpha, Buf a, int aOff, int lda,
                              Buf x, int xOff, double beta, int yOff);

    /** Pre-activations Z in this buffer get bias added, then Y (also in this buffer) = act(Z). */
    public abstract void biasActivate(Activation act, int m, int n, Buf bias, int biasOff,
                                      int zOff, int ldz, int yOff, int ldy);

    /** dz(this) = dy(this) ∘ act'(z). */
    public abstract void activateBackward(Activation act, int n, Buf z, int zOff, int dyOff, int dzOff);

    /** y(this) += alpha·x. */
    public abstract void axpy(int n, double alpha, Buf x, int xOff, int yOff);

    public abstract void scal(int n, double alpha, int off);

    public abstract double nrm2(int n, int off);

    /**
     * Loss of the m×n outputs at yOff against targets, and writes dLoss/dy into this buffer at
     * dyOff. Targets: m×n values for the squared losses, m class indices for cross-entropy.
     * Accumulates in double in both precisions so the loss value is comparable across them.
     */
    public abstract double lossAndGrad(Loss loss, int m, int n, int yOff, Buf targets, int tOff,
                                       int dyOff);

    /**
     * The fused step of {@link Kernels#denseLinearLossGrad}: a dense layer act(W1·x + b1) followed by
     * one linear output w2·h + b2 whose parameters (in that layout) start at 0 in {@code params},
     * gradient written to {@code grads} from 0; the outputs go into this buffer at outOff and its
     * scratch ({@link Kernels#denseLinearWorkSize}) at workOff. mean: MSE, else SSE. Returns the loss.
     */
    public abstract double denseLinearLossGrad(Activation act, int rows, int in, int hidden, Buf x, int xOff,
                                               Buf targets, int tOff, Buf params, Buf grads, int outOff, boolean mean,
                                               int workOff);

    // ------------------------------------------------------------------------------------

    /** float32 buffer. */
    public static final class F32 extends Buf {
        public final float[] a;

        public F32(float[] a) { this.a = a; }

        @Override public Precision precision() { return Precision.F32; }
        @Override public int length() { return a.length; }
        @Override public double get(int i) { return a[i]; }
        @Override public void set(int i, double v) { a[i] = (float) v; }
        @Override public void fill(int off, int n, double v) { java.util.Arrays.fill(a, off, off + n, (float) v); }

        @Override public void copyFrom(double[] src, int srcOff, int off, int n) {
            for (int i = 0; i < n; i++) a[off + i] = (float) src[srcOff + i];
        }

        @Override public void copyTo(int off, double[] dst, int dstOff, int n) {
            for (int i = 0; i < n; i++) dst[dstOff + i] = a[off + i];
        }

        @Override public void copyFrom(Buf src, int srcOff, int off, int n) {
            System.arraycopy(((F32) src).a, srcOff, a, off, n);
        }

        @Override public void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Buf x, int xOff, int ldx,
                                   Buf y, int yOff, int ldy, double beta, int cOff, int ldc) {
            Kernels.sgemm(ta, tb, m, n, k, (float) alpha, ((F32) x).a, xOff, ldx, ((F32) y).a, yOff, ldy,
                    (float) beta, a, cOff, ldc);
        }

        @Override public void gemv(boolean trans, int m, int n, double alpha, Buf x, int xOff, int ldx,
                                   Buf v, int vOff, double beta, int yOff) {
            Kernels.sgemv(trans, m, n, (float) alpha, ((F32) x).a, xOff, ldx, ((F32) v).a, vOff, (float) beta, a, yOff);
        }

        @Override public void biasActivate(Activation act, int m, int n, Buf bias, int biasOff, int zOff, int ldz,
                                           int yOff, int ldy) {
            Kernels.biasActivate(act, m, n, ((F32) bias).a, biasOff, a, zOff, ldz, a, yOff, ldy);
        }

        @Override public void activateBackward(Activation act, int n, Buf z, int zOff, int dyOff, int dzOff) {
            Kernels.activateBackward(act, n, ((F32) z).a, zOff, a, dyOff, a, dzOff);
        }

        @Override public void axpy(int n, double alpha, Buf x, int xOff, int yOff) {
            Kernels.axpy(n, (float) alpha, ((F32) x).a, xOff, a, yOff);
        }

        @Override public void scal(int n, double alpha, int off) { Kernels.scal(n, (float) alpha, a, off); }

        @Override public double nrm2(int n, int off) { return Kernels.nrm2(n, a, off); }

        @Override public double denseLinearLossGrad(Activation act, int rows, int in, int hidden, Buf x, int xOff,
                                                    Buf targets, int tOff, Buf params, Buf grads, int outOff, boolean mean,
                                                    int workOff) {
            return Kernels.denseLinearLossGrad(act, rows, in, hidden, ((F32) x).a, xOff, ((F32) targets).a, tOff,
                    ((F32) params).a, 0, ((F32) grads).a, 0, a, outOff, mean, a, workOff);
        }

        @Override public double lossAndGrad(Loss loss, int m, int n, int yOff, Buf targets, int tOff, int dyOff) {
            float[] t = ((F32) targets).a;
            double total = 0.0;
            if (loss == Loss.SOFTMAX_CE) {
                float scale = 1f / m;
                for (int i = 0; i < m; i++) {
                    int row = yOff + i * n, drow = dyOff + i * n;
                    int cls = (int) t[tOff + i];
                    float max = a[row];
                    for (int j = 1; j < n; j++) max = Math.max(max, a[row + j]);
                    double z = 0.0;
                    for (int j = 0; j < n; j++) z += Math.exp(a[row + j] - max);
                    total += Math.log(z) - (a[row + cls] - max);
                    for (int j = 0; j < n; j++) {
                        float p = (float) (Math.exp(a[row + j] - max) / z);
                        a[drow + j] = (p - (j == cls ? 1f : 0f)) * scale;
                    }
                }
                return total / m;
            }
            float g = loss == Loss.MSE ? 2f / (m * n) : 2f;
            int count = m * n;
            for (int i = 0; i < count; i++) {
                float r = a[yOff + i] - t[tOff + i];
                total += (double) r * r;
                a[dyOff + i] = g * r;
            }
            return loss == Loss.MSE ? total / count : total;
        }
    }

    /** float64 buffer. */
    public static final class F64 extends Buf {
        public final double[] a;

        public F64(double[] a) { this.a = a; }

        @Override public Precision precision() { return Precision.F64; }
        @Override public int length() { return a.length; }
        @Override public double get(int i) { return a[i]; }
        @Override public void set(int i, double v) { a[i] = v; }
        @Override public void fill(int off, int n, double v) { java.util.Arrays.fill(a, off, off + n, v); }

        @Override public void copyFrom(double[] src, int srcOff, int off, int n) {
            System.arraycopy(src, srcOff, a, off, n);
        }

        @Override public void copyTo(int off, double[] dst, int dstOff, int n) {
            System.arraycopy(a, off, dst, dstOff, n);
        }

        @Override public void copyFrom(Buf src, int srcOff, int off, int n) {
            System.arraycopy(((F64) src).a, srcOff, a, off, n);
        }

        @Override public void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Buf x, int xOff, int ldx,
                                   Buf y, int yOff, int ldy, double beta, int cOff, int ldc) {
            Kernels.dgemm(ta, tb, m, n, k, alpha, ((F64) x).a, xOff, ldx, ((F64) y).a, yOff, ldy, beta, a, cOff, ldc);
        }

        @Override public void gemv(boolean trans, int m, int n, double alpha, Buf x, int xOff, int ldx,
                                   Buf v, int vOff, double beta, int yOff) {
            Kernels.dgemv(trans, m, n, alpha, ((F64) x).a, xOff, ldx, ((F64) v).a, vOff, beta, a, yOff);
        }

        @Override public void biasActivate(Activation act, int m, int n, Buf bias, int biasOff, int zOff, int ldz,
                                           int yOff, int ldy) {
            Kernels.biasActivate(act, m, n, ((F64) bias).a, biasOff, a, zOff, ldz, a, yOff, ldy);
        }

        @Override public void activateBackward(Activation act, int n, Buf z, int zOff, int dyOff, int dzOff) {
            Kernels.activateBackward(act, n, ((F64) z).a, zOff, a, dyOff, a, dzOff);
        }

        @Override public void axpy(int n, double alpha, Buf x, int xOff, int yOff) {
            Kernels.axpy(n, alpha, ((F64) x).a, xOff, a, yOff);
        }

        @Override public void scal(int n, double alpha, int off) { Kernels.scal(n, alpha, a, off); }

        @Override public double nrm2(int n, int off) { return Kernels.nrm2(n, a, off); }

        @Override public double denseLinearLossGrad(Activation act, int rows, int in, int hidden, Buf x, int xOff,
                                                    Buf targets, int tOff, Buf params, Buf grads, int outOff, boolean mean,
                                                    int workOff) {
            return Kernels.denseLinearLossGrad(act, rows, in, hidden, ((F64) x).a, xOff, ((F64) targets).a, tOff,
                    ((F64) params).a, 0, ((F64) grads).a, 0, a, outOff, mean, a, workOff);
        }

        @Override public double lossAndGrad(Loss loss, int m, int n, int yOff, Buf targets, int tOff, int dyOff) {
            double[] t = ((F64) targets).a;
            double total = 0.0;
            if (loss == Loss.SOFTMAX_CE) {
                double scale = 1.0 / m;
                for (int i = 0; i < m; i++) {
                    int row = yOff + i * n, drow = dyOff + i * n;
                    int cls = (int) t[tOff + i];
                    double max = a[row];
                    for (int j = 1; j < n; j++) max = Math.max(max, a[row + j]);
                    double z = 0.0;
                    for (int j = 0; j < n; j++) z += Math.exp(a[row + j] - max);
                    total += Math.log(z) - (a[row + cls] - max);
                    for (int j = 0; j < n; j++) {
                        double p = Math.exp(a[row + j] - max) / z;
                        a[drow + j] = (p - (j == cls ? 1.0 : 0.0)) * scale;
                    }
                }
                return total / m;
            }
            double g = loss == Loss.MSE ? 2.0 / (m * n) : 2.0;
            int count = m * n;
            for (int i = 0; i < count; i++) {
                double r = a[yOff + i] - t[tOff + i];
                total += r * r;
                a[dyOff + i] = g * r;
            }
            return loss == Loss.MSE ? total / count : total;
        }
    }
}
