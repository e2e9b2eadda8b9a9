package dev.basin.kernels;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The chosen lane kernels (Vector API at this run's width, or scalar without the module) against
 * the scalar reference: bitwise equal parameters, losses, gradient norms and stop counts, over
 * several epochs, with lane counts that leave tails, lanes that stop mid-way, and NaN lanes.
 */
class LaneKernelsTest {

    static final LaneKernels CHOSEN = LaneKernelProvider.get();
    static final LaneKernels REF = LaneKernelProvider.scalar();

    @Test
    void chosenImplementationMatchesTheEnvironment() {
        boolean expectScalar = Boolean.getBoolean("basin.expect.scalar");
        assertEquals(expectScalar, CHOSEN instanceof ScalarLaneKernels && !(CHOSEN instanceof VectorLaneKernels), CHOSEN.describe());
    }

    @Test
    void absLanesAreBitwiseEqualToTheReference() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int n : new int[]{1, 2, 3}) {
            for (int count : new int[]{1, 15, 16, 17, 37, 64, 100}) {
                int d = n == 2 ? 4 : 5;
                float[] x = randoms(rng, d * n, 1.5f), t = randoms(rng, d, 1f);
                int stride = count + 3;
                float[] p = randoms(rng, (n + 1) * stride, 1f);
                if (count > 5) p[3] = Float.NaN;                       // one broken lane
                float[] bound = new float[count];
                Arrays.fill(bound, Float.POSITIVE_INFINITY);
                if (count > 7) bound[7] = 0.01f;                       // one lane "diverges"
                run((l, a, b, up) -> l.absEpoch(n, d, x, t, 1f / d, 2f / d, 0.05f, up, 0.02f, 1e-8f, bound, a, stride, count, b[0], b[1]),
                        p, count, "abs n=" + n + " count=" + count);
            }
        }
    }

    @Test
    void mlpLanesAreBitwiseEqualToTheReference() {
        SplittableRandom rng = new SplittableRandom(2);
        for (Activation act : Activation.values()) {
            for (int[] shape : new int[][]{{2, 16}, {2, 5}, {3, 1}, {1, 7}}) {
                int n = shape[0], h = shape[1], d = 9;
                for (int count : new int[]{3, 16, 33}) {
                    float[] x = randoms(rng, d * n, 1.5f), t = randoms(rng, d, 1f);
                    int stride = count + 1;
                    int pc = LaneKernels.mlpParams(n, h);
                    float[] p = randoms(rng, pc * stride, 0.7f);
                    float[] bound = new float[count];
                    Arrays.fill(bound, Float.POSITIVE_INFINITY);
                    float[] s1 = new float[LaneKernels.mlpScratchSize(n, h, d)], s2 = s1.clone();
                    run((l, a, b, up) -> l.mlpEpoch(act, n, h, d, x, t, 1, 2, 0.01f, up, 0.05f, 0f, bound, a, stride, count, b[0], b[1], l == REF ? s1 : s2),
                            p, count, "mlp " + act + " " + n + "-" + h + "-1 count=" + count);
                }
            }
        }
    }

    interface Epoch {
        int run(LaneKernels k, float[] params, float[][] out, boolean update);
    }

    static void run(Epoch e, float[] p0, int count, String what) {
        float[] a = p0.clone(), b = p0.clone();
        float[][] outA = {new float[count], new float[count]}, outB = {new float[count], new float[count]};
        int totalStops = 0;
        for (int epoch = 0; epoch < 6; epoch++) {
            boolean update = epoch < 5;
            int sa = e.run(REF, a, outA, update), sb = e.run(CHOSEN, b, outB, update);
            assertEquals(sa, sb, what + " stops at epoch " + epoch);
            assertArrayEquals(a, b, what + " params at epoch " + epoch);
            assertArrayEquals(outA[0], outB[0], what + " loss at epoch " + epoch);
            assertArrayEquals(outA[1], outB[1], what + " grad norm² at epoch " + epoch);
            totalStops += sa;
        }
        assertFalse(Arrays.equals(a, p0), what + ": nothing trained");
        assertTrue(totalStops >= 0);
    }

    static float[] randoms(SplittableRandom rng, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextGaussian() * scale);
        return v;
    }
}
