package dev.basin.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API lane kernels: one model per float lane of {@link VectorKernels#FS}. Each lane runs
 * exactly the float operations of {@link ScalarLaneKernels} in the same order (mul and add kept
 * separate, never fused), so results are bitwise equal at every width. Vectorised: seed 004's
 * |w·x + b| with n = 2, and the n → h → 1 MLP with identity, abs, ReLU or leaky ReLU hidden
 * units; other shapes and tanh/sigmoid (whose scalar reference rounds a double result) run the
 * scalar reference. Lanes past the last full vector run the scalar reference too.
 */
final class VectorLaneKernels extends ScalarLaneKernels {

    private static final VectorSpecies<Float> S = VectorKernels.FS;
    /**
     * Loop-carried vectors are never the receiver of a vector operation: accumulations put the
     * new term first, and after a loop an accumulator goes through an exact ONE.mul before it is
     * stored or compared. See VectorKernels.F_ONE for why.
     */
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    static LaneKernels create() {
        return new VectorLaneKernels();
    }

    @Override
    public String describe() {
        return "vector lanes (" + S.length() + " float lanes)";
    }

    private static VectorMask<Float> keep(FloatVector l, FloatVector gn2, float lossTol, float gradTol2, FloatVector bound) {
        return l.compare(VectorOperators.GE, lossTol)
                .and(l.compare(VectorOperators.LE, bound))
                .and(l.compare(VectorOperators.LT, Float.POSITIVE_INFINITY))
                .and(gn2.compare(VectorOperators.GT, gradTol2))
                .and(gn2.compare(VectorOperators.LT, Float.POSITIVE_INFINITY));
    }

    @Override
    public int absEpoch(int n, int d, float[] x, float[] t, float lossScale, float gradScale, float lr, boolean update,
                        float lossTol, float gradTol2, float[] bound, float[] params, int stride, int count,
                        float[] loss, float[] gradNorm2) {
        if (n != 2) return super.absEpoch(n, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, count, loss, gradNorm2);
        int L = S.length();
        int bound0 = S.loopBound(count);
        float nlr = -lr;
        FloatVector lossV = FloatVector.broadcast(S, lossScale);
        FloatVector zero = FloatVector.zero(S);
        int stopped = 0;
        for (int i = 0; i < bound0; i += L) {
            FloatVector w0 = FloatVector.fromArray(S, params, i);
            FloatVector w1 = FloatVector.fromArray(S, params, stride + i);
            FloatVector b = FloatVector.fromArray(S, params, 2 * stride + i);
            FloatVector acc = zero, g0 = zero, g1 = zero, gb = zero;
            for (int k = 0; k < d; k++) {
                float x0 = x[2 * k], x1 = x[2 * k + 1];
                FloatVector z = zero.add(w0.mul(x0)).add(w1.mul(x1)).add(b);
                FloatVector r = z.abs().sub(t[k]);
                acc = r.mul(r).add(acc);
                FloatVector dy = r.mul(gradScale);
                FloatVector dz = zero.blend(dy, z.compare(VectorOperators.GT, 0f)).blend(dy.neg(), z.compare(VectorOperators.LT, 0f));
                g0 = dz.mul(x0).add(g0);
                g1 = dz.mul(x1).add(g1);
                gb = dz.add(gb);
            }
            g0 = ONE.mul(g0);
            g1 = ONE.mul(g1);
            gb = ONE.mul(gb);
            FloatVector l = lossV.mul(acc);
            FloatVector gn2 = zero.add(g0.mul(g0)).add(g1.mul(g1)).add(gb.mul(gb));
            l.intoArray(loss, i);
            gn2.intoArray(gradNorm2, i);
            VectorMask<Float> keep = keep(l, gn2, lossTol, gradTol2, FloatVector.fromArray(S, bound, i));
            if (update) {
                w0.add(g0.mul(nlr), keep).intoArray(params, i);
                w1.add(g1.mul(nlr), keep).intoArray(params, stride + i);
                b.add(gb.mul(nlr), keep).intoArray(params, 2 * stride + i);
            }
            stopped += L - keep.trueCount();
        }
        return stopped + absLanes(bound0, count, n, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, loss, gradNorm2);
    }

    @Override
    public int mlpEpoch(Activation act, int n, int h, int d, float[] x, float[] t, float lossScale, float gradScale,
                        float lr, boolean update, float lossTol, float gradTol2, float[] bound, float[] params,
                        int stride, int count, float[] loss, float[] gradNorm2, float[] scratch) {
        if (act == Activation.TANH || act == Activation.SIGMOID) {
            return super.mlpEpoch(act, n, h, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, count, loss, gradNorm2, scratch);
        }
        if (n == 2) return mlp2(act, h, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, count, loss, gradNorm2, scratch);
        int L = S.length();
        int p = LaneKernels.mlpParams(n, h);
        int oB1 = h * n, oW2 = oB1 + h, oB2 = oW2 + h;
        int zs = p * L, as = (p + h) * L;       // scratch: gradients (p vectors), then z and a (h vectors each)
        int bound0 = S.loopBound(count);
        float nlr = -lr;
        FloatVector lossV = FloatVector.broadcast(S, lossScale);
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector leak = FloatVector.broadcast(S, Activation.LEAKY_SLOPE);
        FloatVector minusOne = FloatVector.broadcast(S, -1f);
        int stopped = 0;
        for (int i = 0; i < bound0; i += L) {
            java.util.Arrays.fill(scratch, 0, p * L, 0f);
            FloatVector acc = zero;
            for (int k = 0; k < d; k++) {
                int xk = k * n;
                FloatVector y = zero;
                for (int m = 0; m < h; m++) {
                    FloatVector z = zero;
                    for (int j = 0; j < n; j++) z = FloatVector.fromArray(S, params, (m * n + j) * stride + i).mul(x[xk + j]).add(z);
                    z = FloatVector.fromArray(S, params, (oB1 + m) * stride + i).add(z);
                    FloatVector a = switch (act) {
                        case RELU -> zero.blend(z, z.compare(VectorOperators.GT, 0f));
                        case ABS -> z.abs();
                        case LEAKY_RELU -> z.mul(Activation.LEAKY_SLOPE).blend(z, z.compare(VectorOperators.GT, 0f));
                        default -> z;
                    };
                    z.intoArray(scratch, zs + m * L);
                    a.intoArray(scratch, as + m * L);
                    y = FloatVector.fromArray(S, params, (oW2 + m) * stride + i).mul(a).add(y);
                }
                y = FloatVector.fromArray(S, params, oB2 * stride + i).add(y);
                FloatVector r = y.sub(t[k]);
                acc = r.mul(r).add(acc);
                FloatVector dy = r.mul(gradScale);
                for (int m = 0; m < h; m++) {
                    FloatVector a = FloatVector.fromArray(S, scratch, as + m * L);
                    FloatVector.fromArray(S, scratch, (oW2 + m) * L).add(dy.mul(a)).intoArray(scratch, (oW2 + m) * L);
                    FloatVector dh = zero.add(dy.mul(FloatVector.fromArray(S, params, (oW2 + m) * stride + i)));
                    FloatVector z = FloatVector.fromArray(S, scratch, zs + m * L);
                    FloatVector deriv = switch (act) {
                        case RELU -> zero.blend(one, z.compare(VectorOperators.GT, 0f));
                        case ABS -> zero.blend(one, z.compare(VectorOperators.GT, 0f)).blend(minusOne, z.compare(VectorOperators.LT, 0f));
                        case LEAKY_RELU -> leak.blend(one, z.compare(VectorOperators.GT, 0f));
                        default -> one;
                    };
                    FloatVector dz = dh.mul(deriv);
                    for (int j = 0; j < n; j++) {
                        int q = (m * n + j) * L;
                        FloatVector.fromArray(S, scratch, q).add(dz.mul(x[xk + j])).intoArray(scratch, q);
                    }
                    FloatVector.fromArray(S, scratch, (oB1 + m) * L).add(dz).intoArray(scratch, (oB1 + m) * L);
                }
                FloatVector.fromArray(S, scratch, oB2 * L).add(dy).intoArray(scratch, oB2 * L);
            }
            FloatVector l = lossV.mul(acc);
            FloatVector gn2 = zero;
            for (int q = 0; q < p; q++) {
                FloatVector g = FloatVector.fromArray(S, scratch, q * L);
                gn2 = g.mul(g).add(gn2);
            }
            gn2 = ONE.mul(gn2);
            l.intoArray(loss, i);
            gn2.intoArray(gradNorm2, i);
            VectorMask<Float> keep = keep(l, gn2, lossTol, gradTol2, FloatVector.fromArray(S, bound, i));
            if (update) {
                for (int q = 0; q < p; q++) {
                    FloatVector w = FloatVector.fromArray(S, params, q * stride + i);
                    w.add(FloatVector.fromArray(S, scratch, q * L).mul(nlr), keep).intoArray(params, q * stride + i);
                }
            }
            stopped += L - keep.trueCount();
        }
        return stopped + mlpLanes(bound0, count, act, n, h, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, loss, gradNorm2, scratch);
    }

    /**
     * The n = 2 MLP, reorganised for registers: phase 1 runs unit by unit (its weights held in
     * registers) accumulating every point's output; phase 2 runs unit by unit again with the
     * unit's gradient accumulators in registers. Each sum still adds its terms in the reference
     * order (outputs over units, gradients over points), so the results are bitwise the same.
     */
    private int mlp2(Activation act, int h, int d, float[] x, float[] t, float lossScale, float gradScale,
                     float lr, boolean update, float lossTol, float gradTol2, float[] bound, float[] params,
                     int stride, int count, float[] loss, float[] gradNorm2, float[] scratch) {
        int L = S.length();
        int p = LaneKernels.mlpParams(2, h);
        int oB1 = 2 * h, oW2 = oB1 + h, oB2 = oW2 + h;
        int ys = p * L;                          // scratch: gradients (p vectors), then y_k / dy_k (d vectors)
        int bound0 = S.loopBound(count);
        float nlr = -lr;
        FloatVector lossV = FloatVector.broadcast(S, lossScale);
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        int stopped = 0;
        for (int i = 0; i < bound0; i += L) {
            for (int k = 0; k < d; k++) zero.intoArray(scratch, ys + k * L);
            for (int m = 0; m < h; m++) forwardUnit(act, m, h, d, x, params, stride, i, scratch, ys);
            FloatVector b2 = FloatVector.fromArray(S, params, oB2 * stride + i);
            FloatVector acc = zero, gb2 = zero;
            for (int k = 0; k < d; k++) {
                FloatVector r = FloatVector.fromArray(S, scratch, ys + k * L).add(b2).sub(t[k]);
                acc = r.mul(r).add(acc);
                FloatVector dy = r.mul(gradScale);
                gb2 = dy.add(gb2);
                dy.intoArray(scratch, ys + k * L);
            }
            ONE.mul(gb2).intoArray(scratch, oB2 * L);
            for (int m = 0; m < h; m++) backwardUnit(act, m, h, d, x, params, stride, i, scratch, ys);
            FloatVector l = lossV.mul(acc);
            FloatVector gn2 = zero;
            for (int q = 0; q < p; q++) {
                FloatVector g = FloatVector.fromArray(S, scratch, q * L);
                gn2 = g.mul(g).add(gn2);
            }
            gn2 = ONE.mul(gn2);
            l.intoArray(loss, i);
            gn2.intoArray(gradNorm2, i);
            VectorMask<Float> keep = keep(l, gn2, lossTol, gradTol2, FloatVector.fromArray(S, bound, i));
            if (update) {
                for (int q = 0; q < p; q++) {
                    FloatVector w = FloatVector.fromArray(S, params, q * stride + i);
                    w.add(FloatVector.fromArray(S, scratch, q * L).mul(nlr), keep).intoArray(params, q * stride + i);
                }
            }
            stopped += L - keep.trueCount();
        }
        return stopped + mlpLanes(bound0, count, act, 2, h, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, loss, gradNorm2, scratch);
    }

    /** Phase 1 for hidden unit m of the lanes at i: y_k += w2_m·act(W1_m·x_k + b1_m) for every point k. */
    private static void forwardUnit(Activation act, int m, int h, int d, float[] x, float[] params, int stride, int i,
                                    float[] scratch, int ys) {
        int L = S.length();
        FloatVector zero = FloatVector.zero(S);
        FloatVector w0 = FloatVector.fromArray(S, params, (2 * m) * stride + i);
        FloatVector w1 = FloatVector.fromArray(S, params, (2 * m + 1) * stride + i);
        FloatVector b1 = FloatVector.fromArray(S, params, (2 * h + m) * stride + i);
        FloatVector w2 = FloatVector.fromArray(S, params, (3 * h + m) * stride + i);
        boolean relu = act == Activation.RELU, abs = act == Activation.ABS, leaky = act == Activation.LEAKY_RELU;
        for (int k = 0; k < d; k++) {
            FloatVector z = zero.add(w0.mul(x[2 * k])).add(w1.mul(x[2 * k + 1])).add(b1);
            FloatVector a = relu ? zero.blend(z, z.compare(VectorOperators.GT, 0f))
                    : abs ? z.abs()
                    : leaky ? z.mul(Activation.LEAKY_SLOPE).blend(z, z.compare(VectorOperators.GT, 0f))
                    : z;
            FloatVector y = FloatVector.fromArray(S, scratch, ys + k * L);
            y.add(w2.mul(a)).intoArray(scratch, ys + k * L);
        }
    }

    /** Phase 2 for hidden unit m: its four gradient sums over the points, accumulated in registers. */
    private static void backwardUnit(Activation act, int m, int h, int d, float[] x, float[] params, int stride, int i,
                                     float[] scratch, int ys) {
        int L = S.length();
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector w0 = FloatVector.fromArray(S, params, (2 * m) * stride + i);
        FloatVector w1 = FloatVector.fromArray(S, params, (2 * m + 1) * stride + i);
        FloatVector b1 = FloatVector.fromArray(S, params, (2 * h + m) * stride + i);
        FloatVector w2 = FloatVector.fromArray(S, params, (3 * h + m) * stride + i);
        boolean relu = act == Activation.RELU, abs = act == Activation.ABS, leaky = act == Activation.LEAKY_RELU;
        FloatVector g0 = zero, g1 = zero, gb1 = zero, gw2 = zero;
        for (int k = 0; k < d; k++) {
            float x0 = x[2 * k], x1 = x[2 * k + 1];
            FloatVector z = zero.add(w0.mul(x0)).add(w1.mul(x1)).add(b1);
            VectorMask<Float> pos = z.compare(VectorOperators.GT, 0f);
            FloatVector a, deriv;
            if (relu) {
                a = zero.blend(z, pos);
                deriv = zero.blend(one, pos);
            } else if (abs) {
                a = z.abs();
                deriv = zero.blend(one, pos).blend(one.neg(), z.compare(VectorOperators.LT, 0f));
            } else if (leaky) {
                a = z.mul(Activation.LEAKY_SLOPE).blend(z, pos);
                deriv = FloatVector.broadcast(S, Activation.LEAKY_SLOPE).blend(one, pos);
            } else {
                a = z;
                deriv = one;
            }
            FloatVector dy = FloatVector.fromArray(S, scratch, ys + k * L);
            gw2 = dy.mul(a).add(gw2);
            FloatVector dz = zero.add(dy.mul(w2)).mul(deriv);
            g0 = dz.mul(x0).add(g0);
            g1 = dz.mul(x1).add(g1);
            gb1 = dz.add(gb1);
        }
        ONE.mul(g0).intoArray(scratch, (2 * m) * L);
        ONE.mul(g1).intoArray(scratch, (2 * m + 1) * L);
        ONE.mul(gb1).intoArray(scratch, (2 * h + m) * L);
        ONE.mul(gw2).intoArray(scratch, (3 * h + m) * L);
    }
}
