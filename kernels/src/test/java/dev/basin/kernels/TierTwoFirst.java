package dev.basin.kernels;

import java.util.Arrays;

/**
 * The child JVM of {@link JitIndependenceTest#smallTilesCompileWhenTierTwoComesFirst}: the
 * small path's masked tiles (12 × 13 × 13: the last 13 mod L columns at every width, rows in
 * blocks of 8 and 4) for one second in each precision and with A both ways, called straight
 * from a loop in main, as an application's hot loop would (through a Runnable, as settle
 * calls, it reproduced in half the JVMs only), which is what made HotSpot compile the tile at
 * tier 2 first and then fail its tier-3 OSR compile. The arrays have room after the matrices,
 * so the in-place tile runs (not maskedTileEdge). Prints bytes per call after each, for the
 * parent to read. With the tile before its fix, the child's JVM refused it at every width.
 */
public final class TierTwoFirst {

    private static final int M = 12, N = 13;

    public static void main(String[] args) {
        long nanos = Long.parseLong(args[0]) * 1_000_000L;
        float[] a = new float[N * N + 64], b = new float[N * N + 64], c = new float[N * N + 64];
        double[] da = new double[N * N + 64], db = new double[N * N + 64], dc = new double[N * N + 64];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.25f);
        Arrays.fill(da, 0.5);
        Arrays.fill(db, 0.25);
        for (boolean tA : new boolean[] {false, true}) {
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < nanos) {
                for (int i = 0; i < 100; i++) Kernels.sgemm(tA, false, M, N, N, 1f, a, 0, tA ? M : N, b, 0, N, 0f, c, 0, N);
            }
            Runnable s = () -> Kernels.sgemm(tA, false, M, N, N, 1f, a, 0, tA ? M : N, b, 0, N, 0f, c, 0, N);
            System.out.println("sgemm " + (tA ? "TN" : "NN") + " bytes per call " + Allocations.settle(s, 0, 1_000, 1_000_000_000L));
            t0 = System.nanoTime();
            while (System.nanoTime() - t0 < nanos) {
                for (int i = 0; i < 100; i++) Kernels.dgemm(tA, false, M, N, N, 1.0, da, 0, tA ? M : N, db, 0, N, 0.0, dc, 0, N);
            }
            Runnable d = () -> Kernels.dgemm(tA, false, M, N, N, 1.0, da, 0, tA ? M : N, db, 0, N, 0.0, dc, 0, N);
            System.out.println("dgemm " + (tA ? "TN" : "NN") + " bytes per call " + Allocations.settle(d, 0, 1_000, 1_000_000_000L));
        }
    }
}
