package dev.basin.kernels;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static dev.basin.kernels.TestData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fused dense → linear-output kernel ({@link Kernels#denseLinearLossGrad}) against its scalar
 * reference, float and double, every activation, fan-in 1..12 (the vector loops handle 1..8,
 * wider falls back to the scalar loops), hidden widths with every vector tail, offsets on every
 * array, and NaN around every range (a read outside it poisons the result; a write outside it is
 * caught).
 *
 * <p>Tolerance: the outputs get s_d = 4·eps·(hidden + in + 10)·S_d, S_d the absolute size of out_d's
 * sum including the pre-activations it goes through; the loss the corresponding first-order bound.
 * Gradient element k gets Σ_d (n·eps·G_d + c·s_d)·T_dk, n = 4·(rows + hidden + in + 10): T_dk the
 * absolute size of point d's term in k, G_d = c·(|out_d − t_d| + s_d) the size of dLoss/dout_d,
 * and c·s_d the error dLoss/dout_d inherits from out_d (the usual n·eps·Σ|terms| rounding bound
 * alone misses it where out_d nearly equals t_d). Pre-activations are drawn at least 1e-3 away from
 * 0, where relu', leaky' and abs' jump: there one rounding may flip a derivative between two
 * values in one implementation and not in the other; {@link #exactZeroPreActivations} checks the
 * kink itself with inputs for which both compute exactly 0.
 */
class DenseLinearPropertiesTest {

    static final double C = 4;

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    @Provide
    Arbitrary<Integer> widths() {
        return TestData.lengths().filter(n -> n >= 1);
    }

    /** One random problem, in double; float runs round it. */
    record Problem(int rows, int in, int hidden, double[] x, double[] t, double[] p) {}

    static Problem problem(Random r, int rows, int in, int hidden) {
        double[] x = new double[rows * in], t = new double[rows], p = new double[Kernels.denseLinearParams(in, hidden)];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < t.length; i++) t[i] = r.nextGaussian();
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian() / Math.sqrt(in + 1);
        int b1 = hidden * in;
        for (int j = 0; j < hidden; j++) {        // keep every z_dj ≥ 1e-3 away from the kink at 0
            for (int tries = 0; tries < 1000 && nearKink(x, p, rows, in, j, b1); tries++) p[b1 + j] = r.nextGaussian();
        }
        return new Problem(rows, in, hidden, x, t, p);
    }

    private static boolean nearKink(double[] x, double[] p, int rows, int in, int j, int b1) {
        for (int d = 0; d < rows; d++) {
            double z = p[b1 + j];
            for (int i = 0; i < in; i++) z += x[d * in + i] * p[j * in + i];
            if (Math.abs(z) < 1e-3) return true;
        }
        return false;
    }

    /** Runs one implementation in double with offsets and NaN padding; returns {loss, out..., grad...}. */
    static double[] runDouble(KernelSupport k, Activation act, Problem q, boolean mean, int off) {
        int np = q.p.length;
        double[] x = Level1PropertiesTest.padded(q.x, off, 2), t = Level1PropertiesTest.padded(q.t, off + 1, 2);
        double[] p = Level1PropertiesTest.padded(q.p, off + 2, 2);
        double[] g = Level1PropertiesTest.padded(new double[np], off + 3, 2);
        double[] out = Level1PropertiesTest.padded(new double[q.rows], off, 3);
        double[] w = Level1PropertiesTest.padded(new double[Kernels.denseLinearWorkSize(q.in, q.hidden)], off + 1, 2);
        java.util.Arrays.fill(g, off + 3, off + 3 + np, Double.NaN);         // grad is overwritten, not added to
        java.util.Arrays.fill(out, off, off + q.rows, Double.NaN);
        java.util.Arrays.fill(w, off + 1, w.length - 2, Double.NaN);         // work contents are ignored
        double[] gBefore = g.clone(), outBefore = out.clone();
        double loss = k.denseLinearLossGrad(act, q.rows, q.in, q.hidden, x, off, t, off + 1, p, off + 2, g, off + 3, out, off,
                mean, w, off + 1);
        assertUntouchedOutside("grad", gBefore, g, off + 3, np);
        assertUntouchedOutside("out", outBefore, out, off, q.rows);
        double[] r = new double[1 + q.rows + np];
        r[0] = loss;
        System.arraycopy(out, off, r, 1, q.rows);
        System.arraycopy(g, off + 3, r, 1 + q.rows, np);
        return r;
    }

    static double[] runFloat(KernelSupport k, Activation act, Problem q, boolean mean, int off) {
        int np = q.p.length;
        float[] x = Level1PropertiesTest.padded(toFloat(q.x), off, 2), t = Level1PropertiesTest.padded(toFloat(q.t), off + 1, 2);
        float[] p = Level1PropertiesTest.padded(toFloat(q.p), off + 2, 2);
        float[] g = Level1PropertiesTest.padded(new float[np], off + 3, 2);
        float[] out = Level1PropertiesTest.padded(new float[q.rows], off, 3);
        float[] w = Level1PropertiesTest.padded(new float[Kernels.denseLinearWorkSize(q.in, q.hidden)], off + 1, 2);
        java.util.Arrays.fill(g, off + 3, off + 3 + np, Float.NaN);
        java.util.Arrays.fill(out, off, off + q.rows, Float.NaN);
        java.util.Arrays.fill(w, off + 1, w.length - 2, Float.NaN);
        float[] gBefore = g.clone(), outBefore = out.clone();
        double loss = k.denseLinearLossGrad(act, q.rows, q.in, q.hidden, x, off, t, off + 1, p, off + 2, g, off + 3, out, off,
                mean, w, off + 1);
        assertUntouchedOutside("grad", gBefore, g, off + 3, np);
        assertUntouchedOutside("out", outBefore, out, off, q.rows);
        double[] r = new double[1 + q.rows + np];
        r[0] = loss;
        for (int d = 0; d < q.rows; d++) r[1 + d] = out[off + d];
        for (int i = 0; i < np; i++) r[1 + q.rows + i] = g[off + 3 + i];
        return r;
    }

    /** Compares impl with ref (both {loss, out, grad}) under the bound in the class comment, from the problem in double. */
    static void compare(String at, Activation act, Problem q, boolean mean, double[] ref, double[] impl, double eps) {
        int rows = q.rows, in = q.in, m = q.hidden, b1 = m * in, w2 = b1 + m, b2 = w2 + m;
        double c = mean ? 2.0 / rows : 2.0;
        double[] s = new double[rows], gAbs = new double[rows];
        double[] za = new double[rows * m], ha = new double[rows * m], da = new double[rows * m];
        for (int d = 0; d < rows; d++) {
            double sd = Math.abs(q.p[b2]);
            for (int j = 0; j < m; j++) {
                double z = q.p[b1 + j], zAbs = Math.abs(q.p[b1 + j]);
                for (int i = 0; i < in; i++) {
                    z += q.x[d * in + i] * q.p[j * in + i];
                    zAbs += Math.abs(q.x[d * in + i] * q.p[j * in + i]);
                }
                za[d * m + j] = zAbs;
                ha[d * m + j] = Math.abs(act.apply(z));
                da[d * m + j] = Math.abs(act.derivative(z)) + 8 * eps;
                sd += Math.abs(q.p[w2 + j]) * (ha[d * m + j] + zAbs);
            }
            s[d] = C * eps * (m + in + 10) * sd;
            gAbs[d] = c * (Math.abs(ref[1 + d] - q.t[d]) + s[d]);
        }
        double n = C * eps * (rows + m + in + 10);
        double lossTol = 0;
        for (int d = 0; d < rows; d++) {
            lossTol += 2 * Math.abs(ref[1 + d] - q.t[d]) * s[d] + s[d] * s[d];
            assertClose("out[" + d + "] " + at, ref[1 + d], impl[1 + d], s[d]);
        }
        lossTol = (mean ? lossTol / rows : lossTol) + n * Math.abs(ref[0]);
        assertClose("loss " + at, ref[0], impl[0], lossTol);
        // Point d's weight in every gradient bound: the rounding of the sums (n·|dLoss/dout_d|, enlarged)
        // plus the error dLoss/dout_d inherits from out_d itself (c·s_d), which is first order in
        // eps and not scaled by n again: it dominates where out_d nearly equals t_d.
        double[] wd = new double[rows];
        for (int d = 0; d < rows; d++) wd[d] = n * gAbs[d] + c * s[d];
        int g0 = 1 + rows;
        double db2 = 0;
        for (int d = 0; d < rows; d++) db2 += wd[d];
        assertClose("db2 " + at, ref[g0 + b2], impl[g0 + b2], db2);
        for (int j = 0; j < m; j++) {
            double aw2 = 0, ab1 = 0;
            double[] aw1 = new double[in];
            for (int d = 0; d < rows; d++) {
                int k = d * m + j;
                aw2 += wd[d] * (ha[k] + za[k]);
                double delta = wd[d] * Math.abs(q.p[w2 + j]) * (da[k] + za[k]);
                ab1 += delta;
                for (int i = 0; i < in; i++) aw1[i] += delta * Math.abs(q.x[d * in + i]);
            }
            assertClose("dw2[" + j + "] " + at, ref[g0 + w2 + j], impl[g0 + w2 + j], aw2);
            assertClose("db1[" + j + "] " + at, ref[g0 + b1 + j], impl[g0 + b1 + j], ab1);
            for (int i = 0; i < in; i++) {
                assertClose("dW1[" + j + "][" + i + "] " + at, ref[g0 + j * in + i], impl[g0 + j * in + i], aw1[i]);
            }
        }
    }

    static void check(Activation act, int rows, int in, int hidden, boolean mean, int off, long seed) {
        Problem q = problem(new Random(seed), rows, in, hidden);
        String at = act + " rows=" + rows + " in=" + in + " hidden=" + hidden + (mean ? " mean" : " sum") + " off=" + off + " seed=" + seed;
        compare("double " + at, act, q, mean, runDouble(REF, act, q, mean, off), runDouble(IMPL, act, q, mean, off), EPS_D);
        compare("float " + at, act, q, mean, runFloat(REF, act, q, mean, off), runFloat(IMPL, act, q, mean, off), EPS_F);
    }

    @Property(tries = 300)
    void matchesScalarReference(@ForAll Activation act, @ForAll @IntRange(min = 1, max = 70) int rows,
                                @ForAll @IntRange(min = 1, max = 12) int in, @ForAll("widths") int hidden,
                                @ForAll boolean mean, @ForAll @IntRange(max = 5) int off, @ForAll("seeds") long seed) {
        check(act, rows, in, hidden, mean, off, seed);
    }

    /** Every hidden width through the widest unrolled tail, every fan-in the vector loops unroll. */
    @Example
    void everyTailAndFanIn() {
        for (Activation act : Activation.values()) {
            for (int hidden = 1; hidden <= TAIL_SWEEP; hidden++) check(act, 5, 1 + hidden % 8, hidden, hidden % 2 == 0, hidden % 3, hidden);
            for (int in = 1; in <= 9; in++) check(act, 64, in, 37, true, 1, 100 + in);
        }
    }

    /** z = 0 exactly (zero inputs, zero b1): both implementations must take PyTorch's derivative at the kink. */
    /** A case jqwik found: one point with out ≈ t, where db2's error is all inherited from out's. */
    @Example
    void outputNearTarget() {
        check(Activation.IDENTITY, 1, 4, 17, true, 0, 301);
    }

    @Example
    void exactZeroPreActivations() {
        for (Activation act : Activation.values()) {
            for (int hidden : new int[] {3, 16, 35}) {
                Problem q = problem(new Random(hidden), 7, 2, hidden);
                java.util.Arrays.fill(q.x, 0, 2 * 3, 0.0);                        // points 0..2 at the origin
                java.util.Arrays.fill(q.p, hidden * 2, hidden * 3, 0.0);          // b1 = 0
                String at = act + " z=0 hidden=" + hidden;
                double[] rd = runDouble(REF, act, q, true, 0), id = runDouble(IMPL, act, q, true, 0);
                double[] rf = runFloat(REF, act, q, true, 0), iF = runFloat(IMPL, act, q, true, 0);
                compare("double " + at, act, q, true, rd, id, EPS_D);
                compare("float " + at, act, q, true, rf, iF, EPS_F);
            }
        }
    }

    @Example
    void rejectsBadShapes() {
        float[] f = new float[100];
        assertThrows(IllegalArgumentException.class, () -> Kernels.denseLinearLossGrad(Activation.RELU, 0, 2, 4, f, 0, f, 0, f, 0, f, 0, f, 0, true, f, 0));
        assertThrows(IllegalArgumentException.class, () -> Kernels.denseLinearLossGrad(Activation.RELU, 4, 0, 4, f, 0, f, 0, f, 0, f, 0, f, 0, true, f, 0));
        assertThrows(IllegalArgumentException.class, () -> Kernels.denseLinearLossGrad(null, 4, 2, 4, f, 0, f, 0, f, 0, f, 0, f, 0, true, f, 0));
        // 2→4→1 has 17 parameters: a grad array of 16 from offset 0 is one short.
        assertThrows(IndexOutOfBoundsException.class, () -> Kernels.denseLinearLossGrad(Activation.RELU, 4, 2, 4, f, 0, f, 0, f, 0, new float[16], 0, f, 0, true, f, 0));
        // and its work area is 2·2·4 (W1ᵀ, dW1ᵀ) + 4 (a point's pre-activations) = 20: 19 is one short.
        assertThrows(IndexOutOfBoundsException.class, () -> Kernels.denseLinearLossGrad(Activation.RELU, 4, 2, 4, f, 0, f, 0, f, 0, f, 0, f, 0, true, new float[19], 0));
        assertEquals(17, Kernels.denseLinearParams(2, 4));
        assertEquals(20, Kernels.denseLinearWorkSize(2, 4));
    }
}
