package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Jacobian kernels against central finite differences of a plain scalar forward pass, in float64. */
class JacobianKernelsTest {

    /** Plain forward pass, independent of the kernels, for finite differences. */
    static double forward(JacobianNet net, double[] x, int xOff, double[] p) {
        double[] a = java.util.Arrays.copyOfRange(x, xOff, xOff + net.width(0));
        for (int l = 0; l < net.layers(); l++) {
            int in = net.width(l), out = net.width(l + 1);
            double[] z = new double[out];
            for (int i = 0; i < out; i++) {
                double s = net.biasOffset(l) >= 0 ? p[net.biasOffset(l) + i] : 0.0;
                for (int j = 0; j < in; j++) s += p[net.weightOffset(l) + i * in + j] * a[j];
                z[i] = net.activation(l).apply(s);
            }
            a = z;
        }
        return a[0];
    }

    /** Finite-difference Jacobian over the trainable parameters, by their columns. */
    static double[] finiteDifferences(JacobianNet net, int samples, double[] x, double[] p, double h) {
        double[] j = new double[samples * net.columns()];
        for (int l = 0; l < net.layers(); l++) {
            if (net.weightColumn(l) < 0) continue;
            int nw = net.width(l) * net.width(l + 1);
            fdBlock(net, samples, x, p, h, j, net.weightOffset(l), net.weightColumn(l), nw);
            if (net.biasColumn(l) >= 0) fdBlock(net, samples, x, p, h, j, net.biasOffset(l), net.biasColumn(l), net.width(l + 1));
        }
        return j;
    }

    private static void fdBlock(JacobianNet net, int samples, double[] x, double[] p, double h, double[] j,
                                int off, int col, int count) {
        int n = net.width(0);
        for (int t = 0; t < count; t++) {
            double keep = p[off + t];
            for (int d = 0; d < samples; d++) {
                p[off + t] = keep + h;
                double up = forward(net, x, d * n, p);
                p[off + t] = keep - h;
                double down = forward(net, x, d * n, p);
                j[d * net.columns() + col + t] = (up - down) / (2 * h);
            }
            p[off + t] = keep;
        }
    }

    static double[] gaussian(Random r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * r.nextGaussian();
        return v;
    }

    /** Distance of the nearest pre-activation to 0, so kinked activations are tested away from their kink. */
    static double minAbsPreactivation(JacobianNet net, int samples, double[] x, double[] p) {
        double min = Double.POSITIVE_INFINITY;
        for (int d = 0; d < samples; d++) {
            double[] a = java.util.Arrays.copyOfRange(x, d * net.width(0), (d + 1) * net.width(0));
            for (int l = 0; l < net.layers() - 1; l++) {
                int in = net.width(l), out = net.width(l + 1);
                double[] z = new double[out];
                for (int i = 0; i < out; i++) {
                    double s = net.biasOffset(l) >= 0 ? p[net.biasOffset(l) + i] : 0.0;
                    for (int k = 0; k < in; k++) s += p[net.weightOffset(l) + i * in + k] * a[k];
                    min = Math.min(min, Math.abs(s));
                    z[i] = net.activation(l).apply(s);
                }
                a = z;
            }
        }
        return min;
    }

    static void assertClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            assertTrue(err <= rel * Math.max(1.0, scale), what + " entry " + i + ": expected " + expected[i]
                    + ", got " + actual[i] + " (error " + err + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void denseNetsMatchFiniteDifferences(Activation act) {
        int[][] shapes = {{2, 7, 1}, {3, 5, 4, 1}, {1, 9, 1}, {4, 3, 6, 2, 1}};
        for (int[] widths : shapes) {
            for (long seed = 1; seed <= 20; seed++) {
                JacobianNet net = JacobianNet.dense(act, widths);
                Random r = new Random(seed * 31 + widths.length);
                int samples = 5;
                double[] x = gaussian(r, samples * widths[0], 1.0);
                double[] p = gaussian(r, net.parameterCount(), 0.7);
                double h = 1e-6;
                if (minAbsPreactivation(net, samples, x, p) < 1e-3) continue; // a kink within reach of h
                double[] j = new double[samples * net.columns()];
                double[] out = new double[samples];
                JacobianKernels.dense(net, samples, x, 0, widths[0], p, 0, j, 0, net.columns(),
                        out, 0, 0, null, 0, 0, new double[net.workSize()]);
                assertClose(finiteDifferences(net, samples, x, p, h), j, 1e-7, act + " " + java.util.Arrays.toString(widths));
                for (int d = 0; d < samples; d++) assertEquals(forward(net, x, d * widths[0], p), out[d], 1e-12);
            }
        }
    }

    /** Seed 002's machine: x' fixed features, NN2 linear trainable, NN3 fixed; plus ∇NN3(z_d). */
    @Test
    void threeStageMachineWithFixedThirdStage() {
        Random r = new Random(7);
        int m = 6, mz = 4, h3 = 5, samples = 8;
        // layers: NN2 (m→mz, identity, trainable), NN3 = (mz→h3, tanh, fixed), (h3→1, identity, fixed)
        int[] widths = {m, mz, h3, 1};
        Activation[] acts = {Activation.IDENTITY, Activation.TANH, Activation.IDENTITY};
        int[] wOff = {0, m * mz + mz, m * mz + mz + mz * h3 + h3};
        int[] bOff = {m * mz, m * mz + mz + mz * h3, wOff[2] + h3};
        JacobianNet net = JacobianNet.of(widths, acts, wOff, bOff, new int[] {0, -1, -1}, new int[] {m * mz, -1, -1});
        assertEquals(m * mz + mz, net.columns());
        double[] xp = gaussian(r, samples * m, 1.0);
        double[] p = gaussian(r, net.parameterCount(), 0.8);
        double[] j = new double[samples * net.columns()];
        double[] sens = new double[samples * mz];
        JacobianKernels.dense(net, samples, xp, 0, m, p, 0, j, 0, net.columns(), null, 0, 1, sens, 0, mz,
                new double[net.workSize()]);
        assertClose(finiteDifferences(net, samples, xp, p, 1e-6), j, 1e-7, "three-stage");
        // ∇NN3(z_d): NN3 alone as a net on z, differentiated by its input
        for (int d = 0; d < samples; d++) {
            double[] z = new double[mz];
            for (int i = 0; i < mz; i++) {
                double s = p[bOff[0] + i];
                for (int k = 0; k < m; k++) s += p[i * m + k] * xp[d * m + k];
                z[i] = s;
            }
            JacobianNet nn3 = JacobianNet.of(new int[] {mz, h3, 1}, new Activation[] {Activation.TANH, Activation.IDENTITY},
                    new int[] {wOff[1], wOff[2]}, new int[] {bOff[1], bOff[2]}, new int[] {-1, -1}, new int[] {-1, -1});
            for (int i = 0; i < mz; i++) {
                double keep = z[i];
                z[i] = keep + 1e-6;
                double up = forward(nn3, z, 0, p);
                z[i] = keep - 1e-6;
                double down = forward(nn3, z, 0, p);
                z[i] = keep;
                assertEquals((up - down) / 2e-6, sens[d * mz + i], 1e-7, "∇NN3 sample " + d + " coordinate " + i);
            }
        }
    }

    @Test
    void forwardAndSensitivityAgreesWithDense() {
        Random r = new Random(3);
        JacobianNet net = JacobianNet.dense(Activation.SIGMOID, 3, 8, 5, 1);
        int samples = 6;
        double[] x = gaussian(r, samples * 3, 1);
        double[] p = gaussian(r, net.parameterCount(), 1);
        double[] out1 = new double[samples], out2 = new double[samples];
        double[] s1 = new double[samples * 8], s2 = new double[samples * 8];
        double[] j = new double[samples * net.columns()];
        double[] work = new double[net.workSize()];
        JacobianKernels.dense(net, samples, x, 0, 3, p, 0, j, 0, net.columns(), out1, 0, 1, s1, 0, 8, work);
        JacobianKernels.forwardAndSensitivity(net, samples, x, 0, 3, p, 0, out2, 0, 1, s2, 0, 8, work);
        assertClose(out1, out2, 0, "outputs");
        assertClose(s1, s2, 0, "sensitivities");
    }

    /** layerSplit's δ at layer l is the Jacobian's bias block of l; its input is the previous activation. */
    @Test
    void layerSplitMatchesBiasColumnsAndActivations() {
        Random r = new Random(11);
        JacobianNet net = JacobianNet.dense(Activation.TANH, 3, 6, 4, 1);
        int samples = 5;
        double[] x = gaussian(r, samples * 3, 1);
        double[] p = gaussian(r, net.parameterCount(), 1);
        double[] j = new double[samples * net.columns()];
        double[] work = new double[net.workSize()];
        JacobianKernels.dense(net, samples, x, 0, 3, p, 0, j, 0, net.columns(), work);
        for (int layer = 0; layer < 3; layer++) {
            int in = net.width(layer), out = net.width(layer + 1);
            double[] feats = new double[samples * in], delta = new double[samples * out], outs = new double[samples];
            JacobianKernels.layerSplit(net, samples, x, 0, 3, p, 0, layer, feats, 0, in, delta, 0, out, outs, 0, work);
            for (int d = 0; d < samples; d++) {
                for (int i = 0; i < out; i++) {
                    assertEquals(j[d * net.columns() + net.biasColumn(layer) + i], delta[d * out + i], 1e-15, "δ layer " + layer);
                }
                for (int i = 0; i < in; i++) {   // the weight column (0, i) is δ_0 · input_i
                    double w0 = j[d * net.columns() + net.weightColumn(layer) + i];
                    assertEquals(w0, delta[d * out] * feats[d * in + i], 1e-14, "input layer " + layer);
                }
                assertEquals(forward(net, x, d * 3, p), outs[d], 1e-13);
            }
        }
    }

    @Test
    void badShapesAreNamed() {
        JacobianNet net = JacobianNet.dense(Activation.RELU, 2, 4, 1);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () ->
                JacobianKernels.dense(net, 3, new double[6], 0, 2, new double[net.parameterCount()], 0,
                        new double[3 * net.columns() - 1], 0, net.columns(), new double[net.workSize()]));
        assertTrue(e.getMessage().startsWith("J"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> JacobianNet.dense(Activation.RELU, 2, 4, 2));
        assertTrue(e2.getMessage().contains("last width"), e2.getMessage());
    }
}
