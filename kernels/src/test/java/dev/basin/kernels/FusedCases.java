package dev.basin.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * The fused dense → linear step's allocation cases, shared by {@link ZeroAllocationKernelsTest}
 * and {@link C2StressAllocationTest}: every activation at the trainer's shape (64 points, 2
 * inputs) with and without tails, fan-in 1 and 8 (the one-point "wide" bodies), both precisions.
 */
final class FusedCases {

    record Case(String name, Runnable call) {}

    private FusedCases() {}

    /** Cases reading x from fx/dx and writing into fc/dc, which hold at least 2,000 elements. */
    static List<Case> all(float[] fx, float[] fy, float[] fc, double[] dx, double[] dy, double[] dc) {
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
}
