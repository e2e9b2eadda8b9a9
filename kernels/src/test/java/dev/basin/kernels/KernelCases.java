package dev.basin.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel calls the allocation checks make, by family, each named: {@link
 * ZeroAllocationKernelsTest} runs them as tests, {@link C2StressAllocationTest} in JVMs under
 * C2's stress flags. They read from and write into a few shared arrays of N elements.
 */
final class KernelCases {

    record Case(String name, Runnable call) {}

    static final int N = 20_000;
    private final float[] fx = data(N, 1), fy = data(N, 2), fc = new float[N];
    private final double[] dx = widen(fx), dy = widen(fy), dc = new double[N];
    private final double[] dHuge = scaled(dx, 0x1p700);

    /** Every family's cases, in the order the test class declares them. */
    List<Case> all() {
        List<Case> all = new ArrayList<>(gemm());
        all.addAll(level2());
        all.addAll(level1());
        all.addAll(activations());
        all.addAll(fused());
        return all;
    }

    List<Case> gemm() {
        int[][] shapes = {{4, 1, 2}, {1, 2, 4}, {64, 16, 2}, {8, 3, 4}, {50, 50, 50}, {7, 13, 5}, {17, 33, 9}, {60, 60, 60}, {96, 96, 96},
            {8, 8, 8}, {16, 16, 16}, {24, 24, 24}, {32, 32, 32}, {64, 64, 64}};
        List<Case> cases = new ArrayList<>();
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean tA = (t & 1) != 0, tB = (t & 2) != 0;
                int lda = tA ? m : k, ldb = tB ? k : n;
                String shape = (tA ? "T" : "N") + (tB ? "T " : "N ") + m + "x" + n + "x" + k;
                cases.add(new Case("sgemm " + shape, () -> Kernels.sgemm(tA, tB, m, n, k, 1f, fx, 0, lda, fy, 0, ldb, 0.5f, fc, 0, n)));
                cases.add(new Case("dgemm " + shape, () -> Kernels.dgemm(tA, tB, m, n, k, 1.0, dx, 0, lda, dy, 0, ldb, 0.0, dc, 0, n)));
            }
        }
        cases.addAll(gemmAtArrayEnd());
        return cases;
    }

    /**
     * Products whose B and C end their arrays, so that a full-width masked access to their last
     * rows would pass the end (the Vector API's out-of-range path): the trainer's n = 1 output
     * layer forward (NN) and its weight gradient (TN), a transposed B of k = 9 (its last column
     * block masked), transposed Bs whose last rows (below a whole block of L = 16) are copied by
     * vectors that read the array's end from a copy, one on the packed path, and 12 rows (the
     * masked tiles of 8 and of 4 rows). Both betas, to run both of maskedTile's epilogues.
     */
    private List<Case> gemmAtArrayEnd() {
        int[][] shapes = {{64, 1, 16, 0}, {16, 1, 64, 1}, {64, 16, 9, 2}, {5, 3, 7, 3}, {6, 8, 8, 3}, {8, 24, 12, 2}, {100, 100, 100, 2},
            {12, 5, 7, 0}};
        List<Case> cases = new ArrayList<>();
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            boolean tA = (s[3] & 1) != 0, tB = (s[3] & 2) != 0;
            int lda = tA ? m : k, ldb = tB ? k : n;
            String shape = (tA ? "T" : "N") + (tB ? "T " : "N ") + m + "x" + n + "x" + k + " at the arrays' end";
            float[] fa = Arrays.copyOf(fx, m * k), fb = Arrays.copyOf(fy, k * n), fcc = new float[m * n];
            double[] da = Arrays.copyOf(dx, m * k), db = Arrays.copyOf(dy, k * n), dcc = new double[m * n];
            cases.add(new Case("sgemm " + shape, () -> Kernels.sgemm(tA, tB, m, n, k, 1f, fa, 0, lda, fb, 0, ldb, 0.5f, fcc, 0, n)));
            cases.add(new Case("dgemm " + shape, () -> Kernels.dgemm(tA, tB, m, n, k, 1.0, da, 0, lda, db, 0, ldb, 0.0, dcc, 0, n)));
            cases.add(new Case("sgemm beta 0 " + shape, () -> Kernels.sgemm(tA, tB, m, n, k, 1f, fa, 0, lda, fb, 0, ldb, 0f, fcc, 0, n)));
            cases.add(new Case("dgemm beta 1 " + shape, () -> Kernels.dgemm(tA, tB, m, n, k, 1.0, da, 0, lda, db, 0, ldb, 1.0, dcc, 0, n)));
        }
        return cases;
    }

    List<Case> level2() {
        int[][] shapes = {{4, 3}, {17, 33}, {64, 16}, {5, 7}};
        List<Case> cases = new ArrayList<>();
        for (int[] s : shapes) {
            int m = s[0], n = s[1];
            for (boolean t : new boolean[] {false, true}) {
                String name = (t ? "T " : "N ") + m + "x" + n;
                cases.add(new Case("sgemv " + name, () -> Kernels.sgemv(t, m, n, 1f, fx, 0, n, fy, 0, 0.5f, fc, 0)));
                cases.add(new Case("dgemv " + name, () -> Kernels.dgemv(t, m, n, 1.0, dx, 0, n, dy, 0, 0.0, dc, 0)));
            }
            cases.add(new Case("sger " + m + "x" + n, () -> Kernels.ger(m, n, 1e-3f, fx, 0, fy, 0, fc, 0, n)));
            cases.add(new Case("dger " + m + "x" + n, () -> Kernels.ger(m, n, 1e-3, dx, 0, dy, 0, dc, 0, n)));
        }
        return cases;
    }

    List<Case> level1() {
        List<Case> cases = new ArrayList<>();
        for (int n : new int[] {3, 17, 50, 4096}) {
            cases.add(new Case("sdot " + n, () -> Kernels.dot(n, fx, 0, fy, 1)));
            cases.add(new Case("ddot " + n, () -> Kernels.dot(n, dx, 0, dy, 1)));
            cases.add(new Case("saxpy " + n, () -> Kernels.axpy(n, 1e-3f, fx, 1, fc, 0)));
            cases.add(new Case("daxpy " + n, () -> Kernels.axpy(n, 1e-3, dx, 1, dc, 0)));
            cases.add(new Case("sscal " + n, () -> Kernels.scal(n, 1f, fc, 0)));
            cases.add(new Case("dscal " + n, () -> Kernels.scal(n, 1.0, dc, 0)));
            cases.add(new Case("ssum " + n, () -> Kernels.sum(n, fx, 0)));
            cases.add(new Case("dsum " + n, () -> Kernels.sum(n, dx, 0)));
            cases.add(new Case("sasum " + n, () -> Kernels.asum(n, fx, 0)));
            cases.add(new Case("dasum " + n, () -> Kernels.asum(n, dx, 0)));
            cases.add(new Case("snrm2 " + n, () -> Kernels.nrm2(n, fx, 0)));
            cases.add(new Case("dnrm2 " + n, () -> Kernels.nrm2(n, dx, 0)));
            cases.add(new Case("dnrm2 rescaled " + n, () -> Kernels.nrm2(n, dHuge, 0)));
        }
        return cases;
    }

    List<Case> activations() {
        List<Case> cases = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (int n : new int[] {4, 100}) {
                String name = act + " " + n;
                cases.add(new Case("activate float " + name, () -> Kernels.activate(act, n, fx, 0, fc, 0)));
                cases.add(new Case("activate double " + name, () -> Kernels.activate(act, n, dx, 0, dc, 0)));
                cases.add(new Case("activateBackward float " + name, () -> Kernels.activateBackward(act, n, fx, 0, fy, 0, fc, 0)));
                cases.add(new Case("activateBackward double " + name, () -> Kernels.activateBackward(act, n, dx, 0, dy, 0, dc, 0)));
            }
            cases.add(new Case("biasActivate float " + act + " 64x16", () -> Kernels.biasActivate(act, 64, 16, fy, 0, fc, 0, 16, fc, 2000, 16)));
            cases.add(new Case("biasActivate double " + act + " 5x3", () -> Kernels.biasActivate(act, 5, 3, dy, 0, dc, 0, 3, dc, 2000, 3)));
        }
        return cases;
    }

    /** The fused dense → linear step at the trainer's shape (64 points, 2 inputs) with and without tails, fan-in 1 and 8. */
    List<Case> fused() {
        int[][] shapes = {{64, 2, 16}, {64, 2, 100}, {64, 1, 40}, {5, 8, 37}};
        List<Case> cases = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (int[] s : shapes) {
                int rows = s[0], in = s[1], m = s[2], np = Kernels.denseLinearParams(in, m);
                int x = 0, t = rows * in, p = t + rows, g = p + np, out = g + np, w = out + rows;
                String name = act + " " + rows + "x" + in + "x" + m;
                cases.add(new Case("denseLinearLossGrad float " + name,
                        () -> Kernels.denseLinearLossGrad(act, rows, in, m, fx, x, fx, t, fy, p, fc, g, fc, out, true, fc, w)));
                cases.add(new Case("denseLinearLossGrad double " + name,
                        () -> Kernels.denseLinearLossGrad(act, rows, in, m, dx, x, dx, t, dy, p, dc, g, dc, out, false, dc, w)));
            }
        }
        return cases;
    }

    private static float[] data(int n, int seed) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) Math.sin(0.37 * i + seed);
        return a;
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static double[] scaled(double[] a, double s) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] * s;
        return d;
    }
}
