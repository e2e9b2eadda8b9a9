package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The structured Gram against J·Jᵀ from the Jacobian kernel, and the SIMD syrk against the scalar one. */
class NtkKernelsTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void structuredGramEqualsJJt(Activation act) {
        int[][] shapes = {{2, 16}, {3, 37}, {1, 5}, {5, 64}};
        int[] sampleCounts = {1, 7, 13, 33, 150};
        for (int[] s : shapes) {
            for (int samples : sampleCounts) {
                int n = s[0], m = s[1];
                Random r = new Random(n * 1000L + m * 10L + samples);
                JacobianNet net = JacobianNet.dense(act, n, m, 1);
                double[] x = JacobianKernelsTest.gaussian(r, samples * n, 1);
                double[] p = JacobianKernelsTest.gaussian(r, net.parameterCount(), 0.9);
                int cols = net.columns();
                double[] j = new double[samples * cols];
                JacobianKernels.dense(net, samples, x, 0, n, p, 0, j, 0, cols, new double[net.workSize()]);
                double[] expect = new double[samples * samples];
                for (int a = 0; a < samples; a++) {
                    for (int b = 0; b < samples; b++) {
                        double t = 0;
                        for (int c = 0; c < cols; c++) t += j[a * cols + c] * j[b * cols + c];
                        expect[a * samples + b] = t;
                    }
                }
                double[] k = new double[samples * samples];
                NtkKernels.gramOneHidden(net, samples, x, 0, n, p, 0, k, 0, samples,
                        new double[NtkKernels.gramWorkSize(samples, m)]);
                JacobianKernelsTest.assertClose(expect, k, 1e-12, act + " N=" + n + " M=" + m + " D=" + samples);
                // the same K with H and G read from J, J at an offset and a padded stride
                int ldj = cols + 3;
                double[] jp = new double[5 + samples * ldj];
                for (int a = 0; a < samples; a++) System.arraycopy(j, a * cols, jp, 5 + a * ldj, cols);
                double[] k2 = new double[samples * samples];
                NtkKernels.gramOneHiddenFromJacobian(net, samples, x, 0, n, jp, 5, ldj, k2, 0, samples,
                        new double[NtkKernels.gramFromJacobianWorkSize(samples)]);
                JacobianKernelsTest.assertClose(expect, k2, 1e-12, "from J: " + act + " N=" + n + " M=" + m + " D=" + samples);
            }
        }
    }

    @Property(tries = 150)
    void syrkLowerMatchesScalar(@ForAll @IntRange(min = 1, max = 23) int n, @ForAll @IntRange(min = 0, max = 300) int k,
                                @ForAll @IntRange(min = 0, max = 5) int pad, @ForAll long seed) {
        Random r = new Random(seed);
        int lda = Math.max(1, k + pad), ldc = n + pad;
        double[] a = JacobianKernelsTest.gaussian(r, 3 + n * lda, 1);
        double[] c = JacobianKernelsTest.gaussian(r, 2 + n * ldc, 1);
        double[] ref = c.clone();
        NtkKernels.syrkLower(n, k, a, 3, lda, c, 2, ldc);
        NtkScalar.syrkLower(n, k, a, 3, lda, ref, 2, ldc);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], c[i], 1e-12 * (1 + Math.abs(ref[i])), "index " + i);
        }
    }

    /** Orders past SYRK_LEAF take the recursive split (a dgemm per off-diagonal block): same triangle, upper untouched. */
    @Property(tries = 25)
    void recursiveSyrkLowerMatchesScalar(@ForAll @IntRange(min = 120, max = 300) int n, @ForAll @IntRange(min = 1, max = 70) int k,
                                         @ForAll @IntRange(min = 0, max = 3) int pad, @ForAll long seed) {
        syrkLowerMatchesScalar(n, k, pad, seed);
    }

    /** θ = ‖Jᵀv‖² and ‖J·Jᵀ·v − θ·v‖ against plain loops, on random shapes, offsets and strides. */
    @Property(tries = 80)
    void rayleighThroughJMatchesPlainLoops(@ForAll @IntRange(min = 1, max = 40) int rows, @ForAll @IntRange(min = 1, max = 130) int cols,
                                           @ForAll @IntRange(min = 0, max = 3) int pad, @ForAll long seed) {
        Random r = new Random(seed);
        int ldj = cols + pad;
        double[] j = JacobianKernelsTest.gaussian(r, 2 + rows * ldj, 1), v = JacobianKernelsTest.gaussian(r, 1 + rows, 1);
        double[] got = NtkKernels.rayleighThroughJ(rows, cols, j, 2, ldj, v, 1, new double[cols]);
        double[] u = new double[cols];
        for (int d = 0; d < rows; d++) for (int c = 0; c < cols; c++) u[c] += v[1 + d] * j[2 + d * ldj + c];
        double theta = 0;
        for (double t : u) theta += t * t;
        double res = 0, scale = 0;
        for (int d = 0; d < rows; d++) {
            double t = 0;
            for (int c = 0; c < cols; c++) t += j[2 + d * ldj + c] * u[c];
            scale = Math.max(scale, Math.abs(t));
            res += (t - theta * v[1 + d]) * (t - theta * v[1 + d]);
        }
        assertEquals(theta, got[0], 1e-12 * theta * cols);
        assertEquals(Math.sqrt(res), got[1], 1e-11 * (scale + theta) * cols * rows);
    }

    @org.junit.jupiter.api.Test
    void refusesNetsItCannotHandle() {
        JacobianNet deep = JacobianNet.dense(Activation.TANH, 2, 3, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> NtkKernels.gramOneHidden(deep, 2, new double[4], 0, 2,
                new double[deep.parameterCount()], 0, new double[4], 0, 2, new double[100]));
    }
}
