package dev.basin.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation. The species are static finals, fixed at class initialisation from
 * {@code basin.vector.bits} (default: the CPU's preferred width), so C2 compiles them as
 * constants. Only {@link KernelProvider} touches this class, and only when the incubator module
 * is in the boot layer.
 *
 * <p>Loops run whole vectors and finish the tail in scalar code, as Lucene's
 * PanamaVectorUtilSupport does (masked tails are slow where the CPU has no mask registers).
 * Reductions keep four independent accumulators so the FMA latency is hidden; their results
 * differ from the scalar reference only by floating-point reassociation. Elementwise kernels
 * use the same operations as the scalar reference (a multiply then an add, no FMA), so apart
 * from tanh and sigmoid they agree with it bit for bit; tanh and sigmoid come from
 * {@link VectorActivations}, within 2 ulps of Math's. Every kernel gives the same bits
 * interpreted and compiled (no reduceLanes, TANH or EXP, whose compiled code rounds differently
 * from the Java fallback), so a result does not depend on when C2 got to it. GEMM and Gram are inherited from
 * {@link ScalarKernels} here; the blocked SIMD GEMM lives in its own class.
 */
final class VectorKernels extends ScalarKernels {

    static final VectorSpecies<Float> FS;
    static final VectorSpecies<Double> DS;
    private static final int FL, DL;

    static {
        VectorShape shape = shapeFor(System.getProperty("basin.vector.bits"));
        FS = FloatVector.SPECIES_PREFERRED.withShape(shape);
        DS = DoubleVector.SPECIES_PREFERRED.withShape(shape);
        FL = FS.length();
        DL = DS.length();
    }

    /**
     * Ones, to pass a loop's accumulators through an exact multiply before they are used as the
     * receiver of a vector operation. C2 parses a vector call on a loop-carried value before it
     * knows the value's exact class (its intrinsics are inlined late), so it binds the call by
     * the JVM-wide type profile of the Vector API's shared code; where that profile has seen
     * other shapes (another species anywhere in the process), the late re-binding sometimes
     * fails and the compiled kernel boxes a vector on every call. A constant receiver is exact.
     * Accumulations inside loops put the new term first (x.add(acc)) for the same reason.
     */
    private static final FloatVector F_ONE = FloatVector.broadcast(FS, 1f);
    private static final DoubleVector D_ONE = DoubleVector.broadcast(DS, 1.0);

    /**
     * Lane sums in one fixed order, the same compiled and not: reduceLanes(ADD) leaves the order
     * to the implementation, and C2's intrinsic and the Java fallback (which runs until a kernel
     * is compiled) differ in the last bits, so one seed gave two results depending on JIT timing.
     * A butterfly of exact lane swaps and lanewise adds (t += t.rearrange(SWAPk) for k = L/2 … 1);
     * afterwards every lane holds the total. The kernels write the butterfly out where they
     * reduce, on a value that is not loop-carried (F_ONE.mul(acc), see above): a vector passed to
     * a method of ours is boxed whenever C2 does not inline that method, and C2 refuses even small
     * ones at a call site its profile calls rare ("low call site frequency": dnrm2 boxed 96 B per
     * call, for good, in two full test runs of four, after calls with n below a vector had run first).
     */
    static final VectorShuffle<Float> F_SWAP1 = swap(FS, 1), F_SWAP2 = swap(FS, 2), F_SWAP4 = swap(FS, 4),
            F_SWAP8 = swap(FS, 8);
    static final VectorShuffle<Double> D_SWAP1 = swap(DS, 1), D_SWAP2 = swap(DS, 2), D_SWAP4 = swap(DS, 4);

    static <E> VectorShuffle<E> swap(VectorSpecies<E> s, int k) {
        return VectorShuffle.fromOp(s, i -> (i ^ k) & (s.length() - 1));
    }

    /**
     * The butterfly as a call, for NtkVector's sums, whose call sites run on every call of their
     * method (so never rare). Each step is a method under C2's MaxInlineSize (35 bytes).
     */
    static double sumLanes(DoubleVector v) {
        return fold1(fold2(fold4(v))).lane(0);
    }

    private static DoubleVector fold4(DoubleVector v) { return DL >= 8 ? v.add(v.rearrange(D_SWAP4)) : v; }
    private static DoubleVector fold2(DoubleVector v) { return DL >= 4 ? v.add(v.rearrange(D_SWAP2)) : v; }
    private static DoubleVector fold1(DoubleVector v) { return DL >= 2 ? v.add(v.rearrange(D_SWAP1)) : v; }

    /** Per-thread room for four vectors' lanes (sgemvN, dgemvN). */
    private static final ThreadLocal<float[]> F_LANES = ThreadLocal.withInitial(() -> new float[4 * FL]);
    private static final ThreadLocal<double[]> D_LANES = ThreadLocal.withInitial(() -> new double[4 * DL]);

    /**
     * Lane 0 of the butterfly above for the {@code len} lanes at x[o…], in scalars: the same sums
     * in the same order (pairs len/2 apart, then len/4, …), so the same bits.
     */
    static float butterfly(float[] x, int o, int len) {
        return switch (len) {
            case 1 -> x[o];
            case 2 -> x[o] + x[o + 1];
            case 4 -> (x[o] + x[o + 2]) + (x[o + 1] + x[o + 3]);
            case 8 -> ((x[o] + x[o + 4]) + (x[o + 2] + x[o + 6])) + ((x[o + 1] + x[o + 5]) + (x[o + 3] + x[o + 7]));
            case 16 -> (((x[o] + x[o + 8]) + (x[o + 4] + x[o + 12])) + ((x[o + 2] + x[o + 10]) + (x[o + 6] + x[o + 14])))
                    + (((x[o + 1] + x[o + 9]) + (x[o + 5] + x[o + 13])) + ((x[o + 3] + x[o + 11]) + (x[o + 7] + x[o + 15])));
            default -> throw new IllegalStateException("no butterfly for " + len + " lanes");
        };
    }

    /** {@link #butterfly(float[], int, int)} in double precision. */
    static double butterfly(double[] x, int o, int len) {
        return switch (len) {
            case 1 -> x[o];
            case 2 -> x[o] + x[o + 1];
            case 4 -> (x[o] + x[o + 2]) + (x[o + 1] + x[o + 3]);
            case 8 -> ((x[o] + x[o + 4]) + (x[o + 2] + x[o + 6])) + ((x[o + 1] + x[o + 5]) + (x[o + 3] + x[o + 7]));
            default -> throw new IllegalStateException("no butterfly for " + len + " lanes");
        };
    }

    /** A sum of squares at least this large is far above the subnormal squares (< 2^-1022) it may have lost. */
    private static final double NRM2_SUM_MIN = 0x1p-900;

    private static final float F_LEAKY = Activation.LEAKY_SLOPE;
    private static final double D_LEAKY = Activation.LEAKY_SLOPE;

    private VectorKernels() {}

    static KernelSupport create(String bits) {
        return new VectorKernels();
    }

    private static VectorShape shapeFor(String bits) {
        if (bits == null || bits.isBlank()) return VectorShape.preferredShape();
        return switch (bits.trim()) {
            case "64" -> VectorShape.S_64_BIT;
            case "128" -> VectorShape.S_128_BIT;
            case "256" -> VectorShape.S_256_BIT;
            case "512" -> VectorShape.S_512_BIT;
            default -> throw new IllegalArgumentException(
                    "basin.vector.bits must be 128, 256 or 512, not '" + bits + "'");
        };
    }

    @Override
    public String describe() {
        return "vector (" + FS.vectorBitSize() + "-bit: " + FL + " float / " + DL + " double lanes)";
    }

    // ---- level 2 -------------------------------------------------------------------------

    @Override
    public void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                      float[] x, int xOff, float beta, float[] y, int yOff) {
        if (trans) sgemvT(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        else sgemvN(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    /** y_i = alpha·(row i of A)·x + beta·y_i, four rows at a time so each load of x serves four FMAs. */
    private static void sgemvN(int m, int n, float alpha, float[] a, int aOff, int lda,
                               float[] x, int xOff, float beta, float[] y, int yOff) {
        int bound = FS.loopBound(n);
        float[] lanes = F_LANES.get();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            int j = 0;
            if (bound > 0) {
                FloatVector c0 = FloatVector.zero(FS), c1 = c0, c2 = c0, c3 = c0;
                for (; j < bound; j += FL) {
                    FloatVector xv = FloatVector.fromArray(FS, x, xOff + j);
                    c0 = FloatVector.fromArray(FS, a, r0 + j).fma(xv, c0);
                    c1 = FloatVector.fromArray(FS, a, r1 + j).fma(xv, c1);
                    c2 = FloatVector.fromArray(FS, a, r2 + j).fma(xv, c2);
                    c3 = FloatVector.fromArray(FS, a, r3 + j).fma(xv, c3);
                }
                // Lane sums in the butterfly's order, in scalars (see butterfly): four butterflies
                // written out made this method too large for C1 once the Vector API calls inside
                // were resolved ("out of virtual registers"), and then it ran interpreted, boxing.
                F_ONE.mul(c0).intoArray(lanes, 0);
                F_ONE.mul(c1).intoArray(lanes, FL);
                F_ONE.mul(c2).intoArray(lanes, 2 * FL);
                F_ONE.mul(c3).intoArray(lanes, 3 * FL);
                s0 = butterfly(lanes, 0, FL);
                s1 = butterfly(lanes, FL, FL);
                s2 = butterfly(lanes, 2 * FL, FL);
                s3 = butterfly(lanes, 3 * FL, FL);
            }
            for (; j < n; j++) {
                float xj = x[xOff + j];
                s0 += a[r0 + j] * xj;
                s1 += a[r1 + j] * xj;
                s2 += a[r2 + j] * xj;
                s3 += a[r3 + j] * xj;
            }
            y[yOff + i] = gemvOut(alpha, s0, beta, y[yOff + i]);
            y[yOff + i + 1] = gemvOut(alpha, s1, beta, y[yOff + i + 1]);
            y[yOff + i + 2] = gemvOut(alpha, s2, beta, y[yOff + i + 2]);
            y[yOff + i + 3] = gemvOut(alpha, s3, beta, y[yOff + i + 3]);
        }
        for (; i < m; i++) {
            y[yOff + i] = gemvOut(alpha, sdot(n, a, aOff + i * lda, x, xOff), beta, y[yOff + i]);
        }
    }

    /** y = beta·y, then y += (alpha·x_i)·(row i of A) for each i, four rows per pass over y. */
    private static void sgemvT(int m, int n, float alpha, float[] a, int aOff, int lda,
                               float[] x, int xOff, float beta, float[] y, int yOff) {
        if (beta == 0f) java.util.Arrays.fill(y, yOff, yOff + n, 0f);
        else if (beta != 1f) sscal(n, beta, y, yOff);
        if (alpha == 0f) return;
        int bound = FS.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
            float s0 = alpha * x[xOff + i], s1 = alpha * x[xOff + i + 1];
            float s2 = alpha * x[xOff + i + 2], s3 = alpha * x[xOff + i + 3];
            int j = 0;
            if (bound > 0) {
                FloatVector b0 = FloatVector.broadcast(FS, s0), b1 = FloatVector.broadcast(FS, s1);
                FloatVector b2 = FloatVector.broadcast(FS, s2), b3 = FloatVector.broadcast(FS, s3);
                for (; j < bound; j += FL) {
                    FloatVector yv = FloatVector.fromArray(FS, y, yOff + j);
                    yv = FloatVector.fromArray(FS, a, r0 + j).fma(b0, yv);
                    yv = FloatVector.fromArray(FS, a, r1 + j).fma(b1, yv);
                    yv = FloatVector.fromArray(FS, a, r2 + j).fma(b2, yv);
                    yv = FloatVector.fromArray(FS, a, r3 + j).fma(b3, yv);
                    yv.intoArray(y, yOff + j);
                }
            }
            for (; j < n; j++) {
                y[yOff + j] += s0 * a[r0 + j] + s1 * a[r1 + j] + s2 * a[r2 + j] + s3 * a[r3 + j];
            }
        }
        for (; i < m; i++) saxpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
    }

    private static float gemvOut(float alpha, float acc, float beta, float old) {
        return beta == 0f ? alpha * acc : alpha * acc + beta * old;
    }

    // GEMM lives in VectorGemm (packed Goto/BLIS kernels, small-shape path, threads).

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        VectorGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        VectorGemm.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void gram(int m, int k, float alpha, float[] a, int aOff, int lda, float beta, float[] c, int cOff, int ldc) {
        VectorGemm.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public void gram(int m, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c, int cOff, int ldc) {
        VectorGemm.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda,
                      double[] x, int xOff, double beta, double[] y, int yOff) {
        if (trans) dgemvT(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        else dgemvN(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    private static void dgemvN(int m, int n, double alpha, double[] a, int aOff, int lda,
                               double[] x, int xOff, double beta, double[] y, int yOff) {
        int bound = DS.loopBound(n);
        double[] lanes = D_LANES.get();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            int j = 0;
            if (bound > 0) {
                DoubleVector c0 = DoubleVector.zero(DS), c1 = c0, c2 = c0, c3 = c0;
                for (; j < bound; j += DL) {
                    DoubleVector xv = DoubleVector.fromArray(DS, x, xOff + j);
                    c0 = DoubleVector.fromArray(DS, a, r0 + j).fma(xv, c0);
                    c1 = DoubleVector.fromArray(DS, a, r1 + j).fma(xv, c1);
                    c2 = DoubleVector.fromArray(DS, a, r2 + j).fma(xv, c2);
                    c3 = DoubleVector.fromArray(DS, a, r3 + j).fma(xv, c3);
                }
                // Lane sums in the butterfly's order, in scalars (see butterfly): four butterflies
                // written out made this method too large for C1 once the Vector API calls inside
                // were resolved ("out of virtual registers"), and then it ran interpreted, boxing.
                D_ONE.mul(c0).intoArray(lanes, 0);
                D_ONE.mul(c1).intoArray(lanes, DL);
                D_ONE.mul(c2).intoArray(lanes, 2 * DL);
                D_ONE.mul(c3).intoArray(lanes, 3 * DL);
                s0 = butterfly(lanes, 0, DL);
                s1 = butterfly(lanes, DL, DL);
                s2 = butterfly(lanes, 2 * DL, DL);
                s3 = butterfly(lanes, 3 * DL, DL);
            }
            for (; j < n; j++) {
                double xj = x[xOff + j];
                s0 += a[r0 + j] * xj;
                s1 += a[r1 + j] * xj;
                s2 += a[r2 + j] * xj;
                s3 += a[r3 + j] * xj;
            }
            y[yOff + i] = gemvOut(alpha, s0, beta, y[yOff + i]);
            y[yOff + i + 1] = gemvOut(alpha, s1, beta, y[yOff + i + 1]);
            y[yOff + i + 2] = gemvOut(alpha, s2, beta, y[yOff + i + 2]);
            y[yOff + i + 3] = gemvOut(alpha, s3, beta, y[yOff + i + 3]);
        }
        for (; i < m; i++) {
            y[yOff + i] = gemvOut(alpha, ddot(n, a, aOff + i * lda, x, xOff), beta, y[yOff + i]);
        }
    }

    private static void dgemvT(int m, int n, double alpha, double[] a, int aOff, int lda,
                               double[] x, int xOff, double beta, double[] y, int yOff) {
        if (beta == 0.0) java.util.Arrays.fill(y, yOff, yOff + n, 0.0);
        else if (beta != 1.0) dscal(n, beta, y, yOff);
        if (alpha == 0.0) return;
        int bound = DS.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
            double s0 = alpha * x[xOff + i], s1 = alpha * x[xOff + i + 1];
            double s2 = alpha * x[xOff + i + 2], s3 = alpha * x[xOff + i + 3];
            int j = 0;
            if (bound > 0) {
                DoubleVector b0 = DoubleVector.broadcast(DS, s0), b1 = DoubleVector.broadcast(DS, s1);
                DoubleVector b2 = DoubleVector.broadcast(DS, s2), b3 = DoubleVector.broadcast(DS, s3);
                for (; j < bound; j += DL) {
                    DoubleVector yv = DoubleVector.fromArray(DS, y, yOff + j);
                    yv = DoubleVector.fromArray(DS, a, r0 + j).fma(b0, yv);
                    yv = DoubleVector.fromArray(DS, a, r1 + j).fma(b1, yv);
                    yv = DoubleVector.fromArray(DS, a, r2 + j).fma(b2, yv);
                    yv = DoubleVector.fromArray(DS, a, r3 + j).fma(b3, yv);
                    yv.intoArray(y, yOff + j);
                }
            }
            for (; j < n; j++) {
                y[yOff + j] += s0 * a[r0 + j] + s1 * a[r1 + j] + s2 * a[r2 + j] + s3 * a[r3 + j];
            }
        }
        for (; i < m; i++) daxpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
    }

    private static double gemvOut(double alpha, double acc, double beta, double old) {
        return beta == 0.0 ? alpha * acc : alpha * acc + beta * old;
    }

    @Override
    public void ger(int m, int n, float alpha, float[] x, int xOff, float[] y, int yOff, float[] a, int aOff, int lda) {
        for (int i = 0; i < m; i++) saxpy(n, alpha * x[xOff + i], y, yOff, a, aOff + i * lda);
    }

    @Override
    public void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff, double[] a, int aOff, int lda) {
        for (int i = 0; i < m; i++) daxpy(n, alpha * x[xOff + i], y, yOff, a, aOff + i * lda);
    }

    // ---- level 1 -------------------------------------------------------------------------
    // Inputs shorter than a vector never touch the Vector API (no accumulators, no broadcasts):
    // until C2 compiles a kernel, every vector op allocates, and short calls are the ones a
    // small model makes millions of times, often right after a deoptimization.

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        return sdot(n, x, xOff, y, yOff);
    }

    private static float sdot(int n, float[] x, int xOff, float[] y, int yOff) {
        float s = 0f;
        int i = 0;
        if (n >= FL) {
            FloatVector a0 = FloatVector.zero(FS), a1 = a0, a2 = a0, a3 = a0;
            for (int bound4 = n - 4 * FL; i <= bound4; i += 4 * FL) {
                a0 = FloatVector.fromArray(FS, x, xOff + i).fma(FloatVector.fromArray(FS, y, yOff + i), a0);
                a1 = FloatVector.fromArray(FS, x, xOff + i + FL).fma(FloatVector.fromArray(FS, y, yOff + i + FL), a1);
                a2 = FloatVector.fromArray(FS, x, xOff + i + 2 * FL).fma(FloatVector.fromArray(FS, y, yOff + i + 2 * FL), a2);
                a3 = FloatVector.fromArray(FS, x, xOff + i + 3 * FL).fma(FloatVector.fromArray(FS, y, yOff + i + 3 * FL), a3);
            }
            for (int bound = FS.loopBound(n); i < bound; i += FL) {
                a0 = FloatVector.fromArray(FS, x, xOff + i).fma(FloatVector.fromArray(FS, y, yOff + i), a0);
            }
            FloatVector t = F_ONE.mul(a0).add(a1).add(F_ONE.mul(a2).add(a3));
            if (FL >= 16) t = t.add(t.rearrange(F_SWAP8));
            if (FL >= 8) t = t.add(t.rearrange(F_SWAP4));
            if (FL >= 4) t = t.add(t.rearrange(F_SWAP2));
            s = t.add(t.rearrange(F_SWAP1)).lane(0);
        }
        for (; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        return ddot(n, x, xOff, y, yOff);
    }

    private static double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        double s = 0.0;
        int i = 0;
        if (n >= DL) {
            DoubleVector a0 = DoubleVector.zero(DS), a1 = a0, a2 = a0, a3 = a0;
            for (int bound4 = n - 4 * DL; i <= bound4; i += 4 * DL) {
                a0 = DoubleVector.fromArray(DS, x, xOff + i).fma(DoubleVector.fromArray(DS, y, yOff + i), a0);
                a1 = DoubleVector.fromArray(DS, x, xOff + i + DL).fma(DoubleVector.fromArray(DS, y, yOff + i + DL), a1);
                a2 = DoubleVector.fromArray(DS, x, xOff + i + 2 * DL).fma(DoubleVector.fromArray(DS, y, yOff + i + 2 * DL), a2);
                a3 = DoubleVector.fromArray(DS, x, xOff + i + 3 * DL).fma(DoubleVector.fromArray(DS, y, yOff + i + 3 * DL), a3);
            }
            for (int bound = DS.loopBound(n); i < bound; i += DL) {
                a0 = DoubleVector.fromArray(DS, x, xOff + i).fma(DoubleVector.fromArray(DS, y, yOff + i), a0);
            }
            DoubleVector t = D_ONE.mul(a0).add(a1).add(D_ONE.mul(a2).add(a3));
            if (DL >= 8) t = t.add(t.rearrange(D_SWAP4));
            if (DL >= 4) t = t.add(t.rearrange(D_SWAP2));
            s = t.add(t.rearrange(D_SWAP1)).lane(0);
        }
        for (; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        saxpy(n, alpha, x, xOff, y, yOff);
    }

    /** y += alpha·x as a multiply then an add, exactly the scalar reference's rounding. */
    private static void saxpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(FS, x, xOff + i).mul(alpha).add(FloatVector.fromArray(FS, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        daxpy(n, alpha, x, xOff, y, yOff);
    }

    private static void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(DS, x, xOff + i).mul(alpha).add(DoubleVector.fromArray(DS, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void scal(int n, float alpha, float[] x, int xOff) {
        sscal(n, alpha, x, xOff);
    }

    private static void sscal(int n, float alpha, float[] x, int xOff) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(FS, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) x[xOff + i] *= alpha;
    }

    @Override
    public void scal(int n, double alpha, double[] x, int xOff) {
        dscal(n, alpha, x, xOff);
    }

    private static void dscal(int n, double alpha, double[] x, int xOff) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(DS, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) x[xOff + i] *= alpha;
    }

    @Override
    public float sum(int n, float[] x, int xOff) {
        float s = 0f;
        int i = 0;
        if (n >= FL) {
            FloatVector a0 = FloatVector.zero(FS), a1 = a0, a2 = a0, a3 = a0;
            for (int bound4 = n - 4 * FL; i <= bound4; i += 4 * FL) {
                a0 = FloatVector.fromArray(FS, x, xOff + i).add(a0);
                a1 = FloatVector.fromArray(FS, x, xOff + i + FL).add(a1);
                a2 = FloatVector.fromArray(FS, x, xOff + i + 2 * FL).add(a2);
                a3 = FloatVector.fromArray(FS, x, xOff + i + 3 * FL).add(a3);
            }
            for (int bound = FS.loopBound(n); i < bound; i += FL) a0 = FloatVector.fromArray(FS, x, xOff + i).add(a0);
            FloatVector t = F_ONE.mul(a0).add(a1).add(F_ONE.mul(a2).add(a3));
            if (FL >= 16) t = t.add(t.rearrange(F_SWAP8));
            if (FL >= 8) t = t.add(t.rearrange(F_SWAP4));
            if (FL >= 4) t = t.add(t.rearrange(F_SWAP2));
            s = t.add(t.rearrange(F_SWAP1)).lane(0);
        }
        for (; i < n; i++) s += x[xOff + i];
        return s;
    }

    @Override
    public double sum(int n, double[] x, int xOff) {
        double s = 0.0;
        int i = 0;
        if (n >= DL) {
            DoubleVector a0 = DoubleVector.zero(DS), a1 = a0, a2 = a0, a3 = a0;
            for (int bound4 = n - 4 * DL; i <= bound4; i += 4 * DL) {
                a0 = DoubleVector.fromArray(DS, x, xOff + i).add(a0);
                a1 = DoubleVector.fromArray(DS, x, xOff + i + DL).add(a1);
                a2 = DoubleVector.fromArray(DS, x, xOff + i + 2 * DL).add(a2);
                a3 = DoubleVector.fromArray(DS, x, xOff + i + 3 * DL).add(a3);
            }
            for (int bound = DS.loopBound(n); i < bound; i += DL) a0 = DoubleVector.fromArray(DS, x, xOff + i).add(a0);
            DoubleVector t = D_ONE.mul(a0).add(a1).add(D_ONE.mul(a2).add(a3));
            if (DL >= 8) t = t.add(t.rearrange(D_SWAP4));
            if (DL >= 4) t = t.add(t.rearrange(D_SWAP2));
            s = t.add(t.rearrange(D_SWAP1)).lane(0);
        }
        for (; i < n; i++) s += x[xOff + i];
        return s;
    }

    @Override
    public float asum(int n, float[] x, int xOff) {
        float s = 0f;
        int i = 0;
        if (n >= FL) {
            FloatVector a0 = FloatVector.zero(FS), a1 = a0, a2 = a0, a3 = a0;
            for (int bound4 = n - 4 * FL; i <= bound4; i += 4 * FL) {
                a0 = FloatVector.fromArray(FS, x, xOff + i).abs().add(a0);
                a1 = FloatVector.fromArray(FS, x, xOff + i + FL).abs().add(a1);
                a2 = FloatVector.fromArray(FS, x, xOff + i + 2 * FL).abs().add(a2);
                a3 = FloatVector.fromArray(FS, x, xOff + i + 3 * FL).abs().add(a3);
            }
            for (int bound = FS.loopBound(n); i < bound; i += FL) a0 = FloatVector.fromArray(FS, x, xOff + i).abs().add(a0);
            FloatVector t = F_ONE.mul(a0).add(a1).add(F_ONE.mul(a2).add(a3));
            if (FL >= 16) t = t.add(t.rearrange(F_SWAP8));
            if (FL >= 8) t = t.add(t.rearrange(F_SWAP4));
            if (FL >= 4) t = t.add(t.rearrange(F_SWAP2));
            s = t.add(t.rearrange(F_SWAP1)).lane(0);
        }
        for (; i < n; i++) s += Math.abs(x[xOff + i]);
        return s;
    }

    @Override
    public double asum(int n, double[] x, int xOff) {
        double s = 0.0;
        int i = 0;
        if (n >= DL) {
            DoubleVector a0 = DoubleVector.zero(DS), a1 = a0, a2 = a0, a3 = a0;
            for (int bound4 = n - 4 * DL; i <= bound4; i += 4 * DL) {
                a0 = DoubleVector.fromArray(DS, x, xOff + i).abs().add(a0);
                a1 = DoubleVector.fromArray(DS, x, xOff + i + DL).abs().add(a1);
                a2 = DoubleVector.fromArray(DS, x, xOff + i + 2 * DL).abs().add(a2);
                a3 = DoubleVector.fromArray(DS, x, xOff + i + 3 * DL).abs().add(a3);
            }
            for (int bound = DS.loopBound(n); i < bound; i += DL) a0 = DoubleVector.fromArray(DS, x, xOff + i).abs().add(a0);
            DoubleVector t = D_ONE.mul(a0).add(a1).add(D_ONE.mul(a2).add(a3));
            if (DL >= 8) t = t.add(t.rearrange(D_SWAP4));
            if (DL >= 4) t = t.add(t.rearrange(D_SWAP2));
            s = t.add(t.rearrange(D_SWAP1)).lane(0);
        }
        for (; i < n; i++) s += Math.abs(x[xOff + i]);
        return s;
    }

    /**
     * Like the scalar reference, squares are summed in double, where no float's square can
     * overflow or underflow: each float vector is widened into two double vectors.
     */
    @Override
    public float nrm2(int n, float[] x, int xOff) {
        double s = 0.0;
        int i = 0;
        if (n >= FL) {
            DoubleVector a0 = DoubleVector.zero(DS), a1 = a0;
            for (int bound = FS.loopBound(n); i < bound; i += FL) {
                FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
                DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, DS, 0);
                DoubleVector hi = (DoubleVector) v.convertShape(VectorOperators.F2D, DS, 1);
                a0 = lo.fma(lo, a0);
                a1 = hi.fma(hi, a1);
            }
            DoubleVector t = D_ONE.mul(a0).add(a1);
            if (DL >= 8) t = t.add(t.rearrange(D_SWAP4));
            if (DL >= 4) t = t.add(t.rearrange(D_SWAP2));
            s = t.add(t.rearrange(D_SWAP1)).lane(0);
        }
        for (; i < n; i++) {
            double v = x[xOff + i];
            s += v * v;
        }
        return (float) Math.sqrt(s);
    }

    /**
     * One vector pass sums the squares. When that sum is finite and at least 2^-900, no square
     * overflowed and any square that underflowed is negligible against it, so its root is the
     * answer. Otherwise (huge or tiny magnitudes, zeros, ∞, NaN: rare) a scalar second pass
     * rescales by a power of two near the largest magnitude (exact, unlike a division) before
     * squaring. Keeping the common pass to bare FMAs keeps it small and quick for C2 to compile.
     */
    @Override
    public double nrm2(int n, double[] x, int xOff) {
        double sumSq = 0.0;
        int i = 0;
        if (n >= 2 * DL) {
            DoubleVector s0 = DoubleVector.zero(DS), s1 = s0;
            for (int bound2 = n - 2 * DL; i <= bound2; i += 2 * DL) {
                DoubleVector v0 = DoubleVector.fromArray(DS, x, xOff + i);
                DoubleVector v1 = DoubleVector.fromArray(DS, x, xOff + i + DL);
                s0 = v0.fma(v0, s0);
                s1 = v1.fma(v1, s1);
            }
            DoubleVector t = D_ONE.mul(s0).add(s1);
            if (DL >= 8) t = t.add(t.rearrange(D_SWAP4));
            if (DL >= 4) t = t.add(t.rearrange(D_SWAP2));
            sumSq = t.add(t.rearrange(D_SWAP1)).lane(0);
        }
        for (; i < n; i++) {
            double v = x[xOff + i];
            sumSq += v * v;
        }
        if (sumSq >= NRM2_SUM_MIN && sumSq < Double.POSITIVE_INFINITY) return Math.sqrt(sumSq);
        return nrm2Rescaled(n, x, xOff);
    }

    private static double nrm2Rescaled(int n, double[] x, int xOff) {
        double scale = 0.0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[xOff + i]));
        if (scale == 0.0 || !Double.isFinite(scale)) return scale;
        double down = Math.scalb(1.0, -Math.getExponent(scale));
        double scaled = 0.0;
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i] * down;
            scaled += v * v;
        }
        return Math.sqrt(scaled) / down;
    }

    // ---- activations ---------------------------------------------------------------------
    // One loop per activation, chosen by a switch outside the loop, so each loop body is a
    // straight line of vector operations C2 can keep in registers.

    @Override
    public void activate(Activation act, int n, float[] x, int xOff, float[] y, int yOff) {
        switch (act) {
            case IDENTITY -> { if (x != y || xOff != yOff) System.arraycopy(x, xOff, y, yOff, n); }
            case ABS -> absF(n, x, xOff, y, yOff);
            case RELU -> reluF(n, x, xOff, y, yOff);
            case LEAKY_RELU -> leakyF(n, x, xOff, y, yOff);
            case TANH -> tanhF(n, x, xOff, y, yOff);
            case SIGMOID -> sigmoidF(n, x, xOff, y, yOff);
        }
    }

    private static void absF(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FL) {
            FloatVector.fromArray(FS, x, xOff + i).abs().intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.abs(x[xOff + i]);
    }

    /** A blend on z > 0, not max(z, 0), so NaN maps to 0 exactly as the scalar z > 0 ? z : 0. */
    private static void reluF(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FL) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatVector.zero(FS).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Activation.RELU.apply(x[xOff + i]);
    }

    private static void leakyF(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FL) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.mul(F_LEAKY).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Activation.LEAKY_RELU.apply(x[xOff + i]);
    }

    private static void tanhF(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = VectorActivations.tanhF(n, x, xOff, y, yOff);
        for (; i < n; i++) y[yOff + i] = Activation.TANH.apply(x[xOff + i]);
    }

    private static void sigmoidF(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = VectorActivations.sigmoidF(n, x, xOff, y, yOff);
        for (; i < n; i++) y[yOff + i] = Activation.SIGMOID.apply(x[xOff + i]);
    }

    @Override
    public void activate(Activation act, int n, double[] x, int xOff, double[] y, int yOff) {
        switch (act) {
            case IDENTITY -> { if (x != y || xOff != yOff) System.arraycopy(x, xOff, y, yOff, n); }
            case ABS -> absD(n, x, xOff, y, yOff);
            case RELU -> reluD(n, x, xOff, y, yOff);
            case LEAKY_RELU -> leakyD(n, x, xOff, y, yOff);
            case TANH -> tanhD(n, x, xOff, y, yOff);
            case SIGMOID -> sigmoidD(n, x, xOff, y, yOff);
        }
    }

    private static void absD(int n, double[] x, int xOff, double[] y, int yOff) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DL) {
            DoubleVector.fromArray(DS, x, xOff + i).abs().intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.abs(x[xOff + i]);
    }

    private static void reluD(int n, double[] x, int xOff, double[] y, int yOff) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DL) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            DoubleVector.zero(DS).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Activation.RELU.apply(x[xOff + i]);
    }

    private static void leakyD(int n, double[] x, int xOff, double[] y, int yOff) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DL) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.mul(D_LEAKY).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Activation.LEAKY_RELU.apply(x[xOff + i]);
    }

    private static void tanhD(int n, double[] x, int xOff, double[] y, int yOff) {
        int i = VectorActivations.tanhD(n, x, xOff, y, yOff);
        for (; i < n; i++) y[yOff + i] = Activation.TANH.apply(x[xOff + i]);
    }

    private static void sigmoidD(int n, double[] x, int xOff, double[] y, int yOff) {
        int i = VectorActivations.sigmoidD(n, x, xOff, y, yOff);
        for (; i < n; i++) y[yOff + i] = Activation.SIGMOID.apply(x[xOff + i]);
    }

    // Backward: dz = dy·act'(z). The derivative is built as a vector and multiplied in, never
    // blended with dy, so that 0·∞ and NaN in dy propagate exactly as in the scalar reference.
    // One method per activation, as forward: in one large switch C2 left some vector calls
    // un-inlined and boxed their operands.

    @Override
    public void activateBackward(Activation act, int n, float[] z, int zOff, float[] dy, int dyOff, float[] dz, int dzOff) {
        if (act == Activation.IDENTITY) {
            if (dy != dz || dyOff != dzOff) System.arraycopy(dy, dyOff, dz, dzOff, n);
            return;
        }
        int i = n < FL ? 0 : switch (act) {
            case IDENTITY -> 0;
            case ABS -> absBackwardF(n, z, zOff, dy, dyOff, dz, dzOff);
            case RELU -> reluBackwardF(n, z, zOff, dy, dyOff, dz, dzOff);
            case LEAKY_RELU -> leakyBackwardF(n, z, zOff, dy, dyOff, dz, dzOff);
            case TANH -> VectorActivations.tanhBackwardF(n, z, zOff, dy, dyOff, dz, dzOff);
            case SIGMOID -> VectorActivations.sigmoidBackwardF(n, z, zOff, dy, dyOff, dz, dzOff);
        };
        for (; i < n; i++) dz[dzOff + i] = dy[dyOff + i] * act.derivative(z[zOff + i]);
    }

    private static int absBackwardF(int n, float[] z, int zOff, float[] dy, int dyOff, float[] dz, int dzOff) {
        FloatVector one = FloatVector.broadcast(FS, 1f), zero = FloatVector.zero(FS);
        int i = 0, bound = FS.loopBound(n);
        FloatVector minusOne = one.neg();
        for (; i < bound; i += FL) {
            FloatVector v = FloatVector.fromArray(FS, z, zOff + i);
            FloatVector d = zero.blend(one, v.compare(VectorOperators.GT, 0f))
                    .blend(minusOne, v.compare(VectorOperators.LT, 0f));
            FloatVector.fromArray(FS, dy, dyOff + i).mul(d).intoArray(dz, dzOff + i);
        }
        return i;
    }

    private static int reluBackwardF(int n, float[] z, int zOff, float[] dy, int dyOff, float[] dz, int dzOff) {
        FloatVector one = FloatVector.broadcast(FS, 1f), zero = FloatVector.zero(FS);
        int i = 0, bound = FS.loopBound(n);
        for (; i < bound; i += FL) {
            VectorMask<Float> pos = FloatVector.fromArray(FS, z, zOff + i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(FS, dy, dyOff + i).mul(zero.blend(one, pos)).intoArray(dz, dzOff + i);
        }
        return i;
    }

    private static int leakyBackwardF(int n, float[] z, int zOff, float[] dy, int dyOff, float[] dz, int dzOff) {
        FloatVector one = FloatVector.broadcast(FS, 1f);
        int i = 0, bound = FS.loopBound(n);
        FloatVector slope = FloatVector.broadcast(FS, F_LEAKY);
        for (; i < bound; i += FL) {
            VectorMask<Float> pos = FloatVector.fromArray(FS, z, zOff + i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(FS, dy, dyOff + i).mul(slope.blend(one, pos)).intoArray(dz, dzOff + i);
        }
        return i;
    }

    @Override
    public void activateBackward(Activation act, int n, double[] z, int zOff, double[] dy, int dyOff, double[] dz, int dzOff) {
        if (act == Activation.IDENTITY) {
            if (dy != dz || dyOff != dzOff) System.arraycopy(dy, dyOff, dz, dzOff, n);
            return;
        }
        int i = n < DL ? 0 : switch (act) {
            case IDENTITY -> 0;
            case ABS -> absBackwardD(n, z, zOff, dy, dyOff, dz, dzOff);
            case RELU -> reluBackwardD(n, z, zOff, dy, dyOff, dz, dzOff);
            case LEAKY_RELU -> leakyBackwardD(n, z, zOff, dy, dyOff, dz, dzOff);
            case TANH -> VectorActivations.tanhBackwardD(n, z, zOff, dy, dyOff, dz, dzOff);
            case SIGMOID -> VectorActivations.sigmoidBackwardD(n, z, zOff, dy, dyOff, dz, dzOff);
        };
        for (; i < n; i++) dz[dzOff + i] = dy[dyOff + i] * act.derivative(z[zOff + i]);
    }

    private static int absBackwardD(int n, double[] z, int zOff, double[] dy, int dyOff, double[] dz, int dzOff) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0), zero = DoubleVector.zero(DS);
        int i = 0, bound = DS.loopBound(n);
        DoubleVector minusOne = one.neg();
        for (; i < bound; i += DL) {
            DoubleVector v = DoubleVector.fromArray(DS, z, zOff + i);
            DoubleVector d = zero.blend(one, v.compare(VectorOperators.GT, 0.0))
                    .blend(minusOne, v.compare(VectorOperators.LT, 0.0));
            DoubleVector.fromArray(DS, dy, dyOff + i).mul(d).intoArray(dz, dzOff + i);
        }
        return i;
    }

    private static int reluBackwardD(int n, double[] z, int zOff, double[] dy, int dyOff, double[] dz, int dzOff) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0), zero = DoubleVector.zero(DS);
        int i = 0, bound = DS.loopBound(n);
        for (; i < bound; i += DL) {
            VectorMask<Double> pos = DoubleVector.fromArray(DS, z, zOff + i).compare(VectorOperators.GT, 0.0);
            DoubleVector.fromArray(DS, dy, dyOff + i).mul(zero.blend(one, pos)).intoArray(dz, dzOff + i);
        }
        return i;
    }

    private static int leakyBackwardD(int n, double[] z, int zOff, double[] dy, int dyOff, double[] dz, int dzOff) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        int i = 0, bound = DS.loopBound(n);
        DoubleVector slope = DoubleVector.broadcast(DS, D_LEAKY);
        for (; i < bound; i += DL) {
            VectorMask<Double> pos = DoubleVector.fromArray(DS, z, zOff + i).compare(VectorOperators.GT, 0.0);
            DoubleVector.fromArray(DS, dy, dyOff + i).mul(slope.blend(one, pos)).intoArray(dz, dzOff + i);
        }
        return i;
    }

    /** Per row: z += bias (one vector pass), then the activation over the row while it is in L1. */
    @Override
    public void biasActivate(Activation act, int m, int n, float[] bias, int biasOff,
                             float[] z, int zOff, int ldz, float[] y, int yOff, int ldy) {
        for (int r = 0; r < m; r++) {
            int zr = zOff + r * ldz;
            saxpy(n, 1f, bias, biasOff, z, zr);
            activate(act, n, z, zr, y, yOff + r * ldy);
        }
    }

    @Override
    public void biasActivate(Activation act, int m, int n, double[] bias, int biasOff,
                             double[] z, int zOff, int ldz, double[] y, int yOff, int ldy) {
        for (int r = 0; r < m; r++) {
            int zr = zOff + r * ldz;
            daxpy(n, 1.0, bias, biasOff, z, zr);
            activate(act, n, z, zr, y, yOff + r * ldy);
        }
    }

    // ---- fused layers ----------------------------------------------------------------------
    // SIMD up to VectorDenseLinear.MAX_FAN_IN inputs; wider layers take the scalar loops (a caller
    // with a wide layer should use the GEMM path instead, as the trainer does).

    @Override
    public double denseLinearLossGrad(Activation act, int rows, int in, int hidden, float[] x, int xOff, float[] t, int tOff,
                                      float[] p, int pOff, float[] grad, int gradOff, float[] out, int outOff, boolean mean,
                                      float[] work, int workOff) {
        if (in > VectorDenseLinear.MAX_FAN_IN) {
            return super.denseLinearLossGrad(act, rows, in, hidden, x, xOff, t, tOff, p, pOff, grad, gradOff, out, outOff,
                    mean, work, workOff);
        }
        return VectorDenseLinear.lossGrad(act, rows, in, hidden, x, xOff, t, tOff, p, pOff, grad, gradOff, out, outOff,
                mean, work, workOff);
    }

    @Override
    public double denseLinearLossGrad(Activation act, int rows, int in, int hidden, double[] x, int xOff, double[] t, int tOff,
                                      double[] p, int pOff, double[] grad, int gradOff, double[] out, int outOff, boolean mean,
                                      double[] work, int workOff) {
        if (in > VectorDenseLinear.MAX_FAN_IN) {
            return super.denseLinearLossGrad(act, rows, in, hidden, x, xOff, t, tOff, p, pOff, grad, gradOff, out, outOff,
                    mean, work, workOff);
        }
        return VectorDenseLinear.lossGrad(act, rows, in, hidden, x, xOff, t, tOff, p, pOff, grad, gradOff, out, outOff,
                mean, work, workOff);
    }
}
