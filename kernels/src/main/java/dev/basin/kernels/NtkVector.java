package dev.basin.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API paths of the NTK kernels. Loaded only when {@link KernelProvider} chose the Vector
 * API, so the scalar fallback never touches jdk.incubator.vector.
 */
final class NtkVector {

    private static final VectorSpecies<Double> S = VectorKernels.DS;
    /** Passes accumulators through an exact multiply before a reduction (see VectorKernels.F_ONE). */
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    /** Inner-dimension panel: 4+4 rows of KC doubles stay in L1, a panel of all rows in L2. */
    private static final int KC = 256;

    /** Per-thread spill space for a block's sixteen accumulators (see {@link #block}). */
    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[16 * S.length()]);

    private NtkVector() {}

    /**
     * Lower triangle of A·Aᵀ by 4×4 blocks of row dot products: 16 vector accumulators, 8 loads
     * per 16 FMAs, the inner dimension in panels of {@link #KC}. Rows past n are clamped to the
     * last row and never stored, so odd n needs no separate edge code.
     */
    static void syrkLower(int n, int k, double[] a, int aOff, int lda, double[] c, int cOff, int ldc) {
        for (int i = 0; i < n; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + i + 1, 0.0);
        double[] lanes = LANES.get();
        for (int kb = 0; kb < k; kb += KC) {
            int kl = Math.min(KC, k - kb);
            for (int i0 = 0; i0 < n; i0 += 4) {
                for (int j0 = 0; j0 <= i0; j0 += 4) {
                    block(n, kl, a, aOff + kb, lda, i0, j0, c, cOff, ldc, lanes);
                }
            }
        }
    }

    private static void block(int n, int kl, double[] a, int aOff, int lda, int i0, int j0,
                              double[] c, int cOff, int ldc, double[] lanes) {
        int last = n - 1;
        int x0 = aOff + i0 * lda, x1 = aOff + Math.min(i0 + 1, last) * lda;
        int x2 = aOff + Math.min(i0 + 2, last) * lda, x3 = aOff + Math.min(i0 + 3, last) * lda;
        int y0 = aOff + j0 * lda, y1 = aOff + Math.min(j0 + 1, last) * lda;
        int y2 = aOff + Math.min(j0 + 2, last) * lda, y3 = aOff + Math.min(j0 + 3, last) * lda;
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int p = 0, bound = S.loopBound(kl), step = S.length();
        for (; p < bound; p += step) {
            DoubleVector b0 = DoubleVector.fromArray(S, a, y0 + p);
            DoubleVector b1 = DoubleVector.fromArray(S, a, y1 + p);
            DoubleVector b2 = DoubleVector.fromArray(S, a, y2 + p);
            DoubleVector b3 = DoubleVector.fromArray(S, a, y3 + p);
            DoubleVector v = DoubleVector.fromArray(S, a, x0 + p);
            c00 = v.fma(b0, c00); c01 = v.fma(b1, c01); c02 = v.fma(b2, c02); c03 = v.fma(b3, c03);
            v = DoubleVector.fromArray(S, a, x1 + p);
            c10 = v.fma(b0, c10); c11 = v.fma(b1, c11); c12 = v.fma(b2, c12); c13 = v.fma(b3, c13);
            v = DoubleVector.fromArray(S, a, x2 + p);
            c20 = v.fma(b0, c20); c21 = v.fma(b1, c21); c22 = v.fma(b2, c22); c23 = v.fma(b3, c23);
            v = DoubleVector.fromArray(S, a, x3 + p);
            c30 = v.fma(b0, c30); c31 = v.fma(b1, c31); c32 = v.fma(b2, c32); c33 = v.fma(b3, c33);
        }
        // The accumulators go to memory and their lanes are summed there, in the order of the
        // butterfly: sixteen vector butterflies written out made this method too large for C1
        // ("out of virtual registers in LIR generator" at 256 bits), which left it interpreted
        // until C2 took it.
        int l = S.length();
        ONE.mul(c00).intoArray(lanes, 0);
        ONE.mul(c01).intoArray(lanes, l);
        ONE.mul(c02).intoArray(lanes, 2 * l);
        ONE.mul(c03).intoArray(lanes, 3 * l);
        ONE.mul(c10).intoArray(lanes, 4 * l);
        ONE.mul(c11).intoArray(lanes, 5 * l);
        ONE.mul(c12).intoArray(lanes, 6 * l);
        ONE.mul(c13).intoArray(lanes, 7 * l);
        ONE.mul(c20).intoArray(lanes, 8 * l);
        ONE.mul(c21).intoArray(lanes, 9 * l);
        ONE.mul(c22).intoArray(lanes, 10 * l);
        ONE.mul(c23).intoArray(lanes, 11 * l);
        ONE.mul(c30).intoArray(lanes, 12 * l);
        ONE.mul(c31).intoArray(lanes, 13 * l);
        ONE.mul(c32).intoArray(lanes, 14 * l);
        ONE.mul(c33).intoArray(lanes, 15 * l);
        int[] xs = {x0, x1, x2, x3}, ys = {y0, y1, y2, y3};
        for (int r = 0; r < 4; r++) {
            int i = i0 + r;
            if (i > last) break;
            for (int q = 0; q < 4; q++) {
                int jj = j0 + q;
                if (jj > i) break;
                double t = VectorKernels.butterfly(lanes, (r * 4 + q) * l, l);
                for (int pp = p; pp < kl; pp++) t += a[xs[r] + pp] * a[ys[q] + pp];
                c[cOff + i * ldc + jj] += t;
            }
        }
    }

    /** SIMD {@link NtkScalar#tridiagRow}: one pass loads and stores each entry once. */
    static void tridiagRow(double[] a, int rowAt, int from, int to, int diag, double vi, double wi, double ui,
                           double[] w, double[] v, double[] u, double[] q) {
        DoubleVector nvi = DoubleVector.broadcast(S, -vi), nwi = DoubleVector.broadcast(S, -wi);
        DoubleVector vui = DoubleVector.broadcast(S, ui);
        DoubleVector acc = DoubleVector.zero(S);
        int len = to - from, step = S.length();
        int j = from, bound = from + S.loopBound(len);
        for (; j < bound; j += step) {
            DoubleVector r = DoubleVector.fromArray(S, a, rowAt + j);
            r = DoubleVector.fromArray(S, w, j).fma(nvi, r);
            r = DoubleVector.fromArray(S, v, j).fma(nwi, r);
            r.intoArray(a, rowAt + j);
            acc = r.fma(DoubleVector.fromArray(S, u, j), acc);
            r.fma(vui, DoubleVector.fromArray(S, q, j)).intoArray(q, j);
        }
        double dot = VectorKernels.sumLanes(ONE.mul(acc));
        for (; j < to; j++) {
            double r = Math.fma(-wi, v[j], Math.fma(-vi, w[j], a[rowAt + j]));
            a[rowAt + j] = r;
            dot += r * u[j];
            q[j] += ui * r;
        }
        double r = a[rowAt + diag] - vi * w[diag] - wi * v[diag];
        a[rowAt + diag] = r;
        q[diag] += dot + r * ui;
    }

    /**
     * Two consecutive stored rows j and j+1 of the fused tridiagonalisation step in one pass:
     * their common range [j+2, n) loads w, v, u and q once for both rows. Same arithmetic as
     * {@link #tridiagRow} on row j then row j+1, up to the order of the row dots' lane sums.
     */
    static void tridiagRow2(double[] a, int rowA, int rowB, int j, int n, double vA, double wA, double uA,
                            double vB, double wB, double uB, double[] w, double[] v, double[] u, double[] q) {
        // row j's entry in column j+1 (row j+1's diagonal column) first
        double r1 = a[rowA + j + 1] - vA * w[j + 1] - wA * v[j + 1];
        a[rowA + j + 1] = r1;
        double dotA = r1 * u[j + 1];
        q[j + 1] += uA * r1;
        DoubleVector nvA = DoubleVector.broadcast(S, -vA), nwA = DoubleVector.broadcast(S, -wA), cuA = DoubleVector.broadcast(S, uA);
        DoubleVector nvB = DoubleVector.broadcast(S, -vB), nwB = DoubleVector.broadcast(S, -wB), cuB = DoubleVector.broadcast(S, uB);
        DoubleVector accA = DoubleVector.zero(S), accB = DoubleVector.zero(S);
        int from = j + 2, step = S.length();
        int i = from, bound = from + S.loopBound(n - from);
        for (; i < bound; i += step) {
            DoubleVector wi = DoubleVector.fromArray(S, w, i), vi = DoubleVector.fromArray(S, v, i), ui = DoubleVector.fromArray(S, u, i);
            DoubleVector ra = wi.fma(nvA, DoubleVector.fromArray(S, a, rowA + i));
            ra = vi.fma(nwA, ra);
            ra.intoArray(a, rowA + i);
            DoubleVector rb = wi.fma(nvB, DoubleVector.fromArray(S, a, rowB + i));
            rb = vi.fma(nwB, rb);
            rb.intoArray(a, rowB + i);
            accA = ra.fma(ui, accA);
            accB = rb.fma(ui, accB);
            rb.fma(cuB, ra.fma(cuA, DoubleVector.fromArray(S, q, i))).intoArray(q, i);
        }
        double sumA = VectorKernels.sumLanes(ONE.mul(accA)), sumB = VectorKernels.sumLanes(ONE.mul(accB));
        for (; i < n; i++) {
            double ra = Math.fma(-wA, v[i], Math.fma(-vA, w[i], a[rowA + i]));
            a[rowA + i] = ra;
            double rb = Math.fma(-wB, v[i], Math.fma(-vB, w[i], a[rowB + i]));
            a[rowB + i] = rb;
            sumA += ra * u[i];
            sumB += rb * u[i];
            q[i] += uA * ra + uB * rb;
        }
        double rAA = a[rowA + j] - vA * w[j] - wA * v[j];
        a[rowA + j] = rAA;
        q[j] += dotA + sumA + rAA * uA;
        double rBB = a[rowB + j + 1] - vB * w[j + 1] - wB * v[j + 1];
        a[rowB + j + 1] = rBB;
        q[j + 1] += sumB + rBB * uB;
    }
}
