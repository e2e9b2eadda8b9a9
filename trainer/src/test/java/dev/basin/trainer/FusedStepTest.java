package dev.basin.trainer;

import dev.basin.kernels.Activation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fused one-hidden-layer step ({@link Network#lossAndGradient} through the fused kernel)
 * against the generic layer loops on the same parameters and data: random fan-in 1..8, hidden
 * widths 1..300 (odd ones and every vector tail included), 1..70 rows, every activation, SSE and
 * MSE, float32 and float64.
 *
 * <p>Tolerance: loss and outputs within 1e-4 relative (float32) / 1e-12 (float64) of the generic
 * path's, and ‖g_fused − g_generic‖₂ ≤ 1e-4·‖g_generic‖₂ (float32) / 1e-12 (float64). The two
 * paths add the same terms in different orders (SIMD lanes, FMA): the expected gap is a few
 * hundred eps at these sizes (3e-5 in float32, 6e-14 in float64 at the worst). Pre-activations are
 * kept at least 1e-3 from 0: at the kinks of relu, leaky relu and abs one rounding can flip the
 * derivative in one path and not the other (a finite jump, not a rounding error); the kernel's
 * own tests check z = 0 exactly.
 */
class FusedStepTest {

    @Provide
    Arbitrary<Integer> widths() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 83)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(15, 16, 17, 31, 33, 63, 65, 127, 255, 257)));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    static Network[] pair(Architecture arch, Precision prec, int rows) {
        Network fused = new Network(arch, prec, rows), generic = new Network(arch, prec, rows, false);
        assertTrue(fused.fused(), arch.name() + " should take the fused path");
        assertFalse(generic.fused());
        return new Network[] {fused, generic};
    }

    /** Random x, t and parameters, b1 redrawn until no pre-activation is within 1e-3 of 0. */
    static double[][] problem(int rows, int in, int hidden, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[rows * in], t = new double[rows], p = new double[hidden * (in + 2) + 1];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < t.length; i++) t[i] = r.nextGaussian();
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian() / Math.sqrt(in);
        for (int j = 0; j < hidden; j++) {
            for (int tries = 0; tries < 1000; tries++) {
                boolean near = false;
                for (int d = 0; d < rows && !near; d++) {
                    double z = p[hidden * in + j];
                    for (int i = 0; i < in; i++) z += x[d * in + i] * p[j * in + i];
                    near = Math.abs(z) < 1e-3;
                }
                if (!near) break;
                p[hidden * in + j] = r.nextGaussian();
            }
        }
        return new double[][] {x, t, p};
    }

    static void check(Activation act, int rows, int in, int hidden, Loss loss, Precision prec, long seed) {
        String at = act + " " + in + "→" + hidden + "→1 rows=" + rows + " " + loss + " " + prec + " seed=" + seed;
        double[][] q = problem(rows, in, hidden, seed);
        Network[] nets = pair(Architecture.mlp(act, in, hidden, 1), prec, rows);
        Buf x = Buf.allocate(prec, q[0].length), t = Buf.allocate(prec, q[1].length);
        x.copyFrom(q[0], 0, 0, q[0].length);
        t.copyFrom(q[1], 0, 0, q[1].length);
        double[] lossV = new double[2];
        double[][] g = new double[2][], out = new double[2][rows];
        for (int k = 0; k < 2; k++) {
            nets[k].setParams(q[2]);
            nets[k].grads().fill(0, nets[k].numParams(), Double.NaN);
            lossV[k] = nets[k].lossAndGradient(loss, x, 0, t, 0, rows);
            g[k] = new double[nets[k].numParams()];
            nets[k].grads().copyTo(0, g[k], 0, g[k].length);
            nets[k].work().copyTo(nets[k].outputOffset(), out[k], 0, rows);
        }
        double tol = prec == Precision.F32 ? 1e-4 : 1e-12;
        // The loss is a sum of squared residuals out − t: rounding in the outputs moves it by
        // about 2·|out − t|·|out|, which is much more than tol·loss when out is close to t.
        // The gradient is proportional to the residuals, so the same rounding moves it by about
        // (|out| + |t|) / |out − t| of itself: kappa, 1 to 3 for most cases, 10⁴ for this one.
        double lossScale = Math.abs(lossV[1]), resid = 0, mag = 0;
        for (int d = 0; d < rows; d++) {
            double r = Math.abs(out[1][d] - q[1][d]), m = Math.abs(out[1][d]) + Math.abs(q[1][d]);
            lossScale += 2 * r * m;
            resid += r;
            mag += m;
        }
        double kappa = Math.max(1, mag / Math.max(resid, Double.MIN_NORMAL));
        assertClose("loss " + at, lossV[1], lossV[0], tol * lossScale);
        double outScale = 0;
        for (double o : out[1]) outScale = Math.max(outScale, Math.abs(o));
        for (int d = 0; d < rows; d++) assertClose("out[" + d + "] " + at, out[1][d], out[0][d], tol * Math.max(outScale, 1e-30));
        double diff = 0, norm = 0;
        for (int i = 0; i < g[0].length; i++) {
            if (!Double.isFinite(g[0][i])) fail("fused gradient " + i + " is " + g[0][i] + " at " + at);
            diff += (g[0][i] - g[1][i]) * (g[0][i] - g[1][i]);
            norm += g[1][i] * g[1][i];
        }
        assertTrue(Math.sqrt(diff) <= tol * kappa * Math.sqrt(norm), at + ": ‖Δg‖ = " + Math.sqrt(diff) + " against ‖g‖ = " + Math.sqrt(norm));
    }

    static void assertClose(String what, double expected, double actual, double tol) {
        if (!(Math.abs(expected - actual) <= tol)) fail(what + ": generic " + expected + ", fused " + actual + " (tolerance " + tol + ")");
    }

    @Property(tries = 300)
    void fusedEqualsGeneric(@ForAll Activation act, @ForAll @IntRange(min = 1, max = 70) int rows,
                            @ForAll @IntRange(min = 1, max = 8) int in, @ForAll("widths") int hidden,
                            @ForAll boolean mean, @ForAll boolean f64, @ForAll("seeds") long seed) {
        check(act, rows, in, hidden, mean ? Loss.MSE : Loss.SSE, f64 ? Precision.F64 : Precision.F32, seed);
    }

    /**
     * Found by a CI run: one row whose output lands within 2·10⁻⁴ of its target, so the loss
     * (2.9·10⁻⁸) and the gradient are far below the rounding of the terms they are computed
     * from: the two paths' summation orders differ by 5·10⁻¹² of the loss and 2.6·10⁻¹² of ‖g‖.
     */
    @Example
    void lossNearZeroIsComparedAtTheScaleOfItsTerms() {
        check(Activation.RELU, 1, 5, 27, Loss.MSE, Precision.F64, 57915L);
    }

    /** The benchmark's shapes, every activation, both precisions. */
    @Example
    void benchmarkShapes() {
        for (Activation act : Activation.values()) {
            for (int m : new int[] {16, 64, 256, 1024}) {
                check(act, 64, 2, m, Loss.MSE, Precision.F32, m);
                check(act, 64, 2, m, Loss.SSE, Precision.F64, -m);
            }
        }
    }

    /** Which architectures take the fused path: exactly [dense(in ≤ 8 → M, act), dense(M → 1, identity)], both trainable. */
    @Example
    void fusedOnlyForTheOneHiddenLinearOutputShape() {
        assertTrue(new Network(Architecture.mlp(Activation.RELU, 2, 16, 1), Precision.F32, 4).fused());
        assertTrue(new Network(Architecture.mlp(Activation.TANH, 8, 3, 1), Precision.F64, 4).fused());
        assertFalse(new Network(Architecture.mlp(Activation.RELU, 9, 16, 1), Precision.F32, 4).fused(), "fan-in 9");
        assertFalse(new Network(Architecture.mlp(Activation.RELU, 2, 16, 2), Precision.F32, 4).fused(), "two outputs");
        assertFalse(new Network(Architecture.mlp(Activation.RELU, 2, 8, 8, 1), Precision.F32, 4).fused(), "two hidden layers");
        assertFalse(new Network(Architecture.mlp(Activation.RELU, Activation.SIGMOID, Init.UNIFORM_FAN_IN, 2, 8, 1), Precision.F32, 4).fused(),
                "non-linear output");
        assertFalse(new Network(Architecture.abs(2), Precision.F32, 4).fused(), "one layer");
        assertFalse(new Network(Architecture.threeStage(4, 3, true, Activation.RELU, false, Init.UNIFORM_FAN_IN, 1), Precision.F32, 4).fused(),
                "frozen output layer");
        Architecture noBias = new Architecture("no-bias", List.of(new Layer(2, 4, Activation.RELU, false, true),
                Layer.dense(4, 1, Activation.IDENTITY)), Init.UNIFORM_FAN_IN);
        assertFalse(new Network(noBias, Precision.F32, 4).fused(), "hidden layer without bias");
    }

    /** Cross-entropy never takes the fused path, even on a fused-shape network; the generic path runs and agrees. */
    @Example
    void crossEntropyOnAFusedShapeUsesTheGenericPath() {
        Network[] nets = pair(Architecture.mlp(Activation.RELU, 2, 5, 1), Precision.F64, 3);
        double[][] q = problem(3, 2, 5, 7);
        Buf x = Buf.allocate(Precision.F64, 6), t = Buf.allocate(Precision.F64, 3);
        x.copyFrom(q[0], 0, 0, 6);
        for (Network n : nets) n.setParams(q[2]);
        assertEquals(nets[1].lossAndGradient(Loss.SOFTMAX_CE, x, 0, t, 0, 3), nets[0].lossAndGradient(Loss.SOFTMAX_CE, x, 0, t, 0, 3));
    }
}
