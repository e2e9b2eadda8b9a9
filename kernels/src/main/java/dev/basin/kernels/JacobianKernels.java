package dev.basin.kernels;

/**
 * Per-sample Jacobians of a dense network's scalar output with respect to its trainable
 * parameters, in float64: row d of J is ∂NN(x_d)/∂θ, laid out in the columns a
 * {@link JacobianNet} assigns. The network is described by arrays and offsets only.
 *
 * <p>One sample at a time: a forward pass keeps every layer's pre-activation and activation, a
 * backward pass turns the output's derivative δ into each layer's block of the row
 * (weights δ_l ⊗ a_{l−1}, bias δ_l) and into δ_{l−1} = (W_lᵀ δ_l) ∘ act'(z_{l−1}). The matrix
 * work goes through {@link Kernels} (dgemv, activateBackward), so it is SIMD where they are.
 */
public final class JacobianKernels {

    private JacobianKernels() {}

    /**
     * Writes J (D × net.columns(), row d at {@code jOff + d·ldj}) for the inputs
     * {@code x} (D × width(0), row-major, leading dimension ldx).
     *
     * @param out         if non-null, receives NN(x_d) at {@code out[outOff + d]}
     * @param sensLayer   if {@code sens} is non-null: the layer whose input's gradient
     *                    ∂NN(x_d)/∂a (a = that layer's input, width(sensLayer) values) is written to
     *                    {@code sens[sensOff + d·ldSens]} — for the three-stage machine, layer 1
     *                    gives ∇NN3(z_d)
     * @param work        scratch of at least {@link JacobianNet#workSize()} doubles
     */
    public static void dense(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                             double[] params, int pOff, double[] j, int jOff, int ldj,
                             double[] out, int outOff, int sensLayer, double[] sens, int sensOff, int ldSens,
                             double[] work) {
        if (sens == null && net.isOneHiddenAllTrainable()) {
            oneHidden(net, samples, x, xOff, ldx, params, pOff, j, jOff, ldj, out, outOff);
            return;
        }
        core(net, samples, x, xOff, ldx, params, pOff, j, jOff, ldj, out, outOff, sensLayer, sens, sensOff, ldSens,
                -1, null, 0, 0, null, 0, 0, work);
    }

    /** Samples per block in {@link #oneHidden}: three B×M scratch blocks stay in L2. */
    private static final int BLOCK = 16;

    /**
     * One hidden layer, every layer trainable: blocks of samples at once — Z = X·W1ᵀ by dgemm,
     * H = act(Z + b1), then each row [δ·G_d ⊗ x_d | δ·G_d | δ·H_d | δ] with G_d = w2 ∘ act'(z_d)
     * and δ = act_out'(NN's pre-activation) written straight into J.
     */
    private static void oneHidden(JacobianNet net, int samples, double[] x, int xOff, int ldx, double[] params, int pOff,
                                  double[] j, int jOff, int ldj, double[] out, int outOff) {
        int n = net.width(0), m = net.width(1);
        Check.matrix("X", x.length, xOff, samples, n, ldx);
        Check.vector("params", params.length, pOff, net.paramCount);
        Check.matrix("J", j.length, jOff, samples, net.columns, ldj);
        if (out != null) Check.vector("out", out.length, outOff, samples);
        int b = Math.min(BLOCK, samples);
        double[] z = new double[b * m], h = new double[b * m], g = new double[b * m];
        int w1 = pOff + net.wOff[0], b1 = pOff + net.bOff[0], w2 = pOff + net.wOff[1];
        double b2 = params[pOff + net.bOff[1]];
        Activation act = net.acts[0], outAct = net.acts[1];
        int cW1 = net.wCol[0], cB1 = net.bCol[0], cW2 = net.wCol[1], cB2 = net.bCol[1];
        for (int d0 = 0; d0 < samples; d0 += b) {
            int rows = Math.min(b, samples - d0);
            Kernels.dgemm(false, true, rows, m, n, 1.0, x, xOff + d0 * ldx, ldx, params, w1, n, 0.0, z, 0, m);
            Kernels.biasActivate(act, rows, m, params, b1, z, 0, m, h, 0, m);
            for (int r = 0; r < rows; r++) {
                int d = d0 + r, row = jOff + d * ldj, xr = xOff + d * ldx;
                double pre = Kernels.dot(m, h, r * m, params, w2) + b2;
                if (out != null) out[outOff + d] = outAct.apply(pre);
                double delta = outAct.derivative(pre);
                Kernels.activateBackward(act, m, z, r * m, params, w2, g, r * m);
                if (delta != 1.0) Kernels.scal(m, delta, g, r * m);
                int base = row + cW1, gr = r * m;
                if (n == 2) {
                    double x0 = x[xr], x1 = x[xr + 1];
                    for (int i = 0; i < m; i++) {
                        double gi = g[gr + i];
                        j[base + 2 * i] = gi * x0;
                        j[base + 2 * i + 1] = gi * x1;
                    }
                } else {
                    for (int i = 0; i < m; i++) scaleCopy(n, g[gr + i], x, xr, j, base + i * n);
                }
                System.arraycopy(g, gr, j, row + cB1, m);
                if (delta == 1.0) System.arraycopy(h, r * m, j, row + cW2, m);
                else scaleCopy(m, delta, h, r * m, j, row + cW2);
                j[row + cB2] = delta;
            }
        }
    }

    /**
     * Seed 002's decomposition at one layer, no Jacobian: for every sample the layer's input
     * x'_d (the features NN2 = that layer's linear map sees, width(layer) values) and
     * δ_d = ∂NN(x_d)/∂z (z = the layer's pre-activation, width(layer+1) values) — which is
     * ∇NN3(z_d) when NN3 is the layer's activation followed by the later layers. Either output
     * may be null; {@code out} receives NN(x_d) when non-null.
     */
    public static void layerSplit(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                                  double[] params, int pOff, int layer,
                                  double[] input, int inOff, int ldIn, double[] delta, int deltaOff, int ldDelta,
                                  double[] out, int outOff, double[] work) {
        if (layer < 0 || layer >= net.layers()) throw new IllegalArgumentException("layer " + layer + " is not a layer of " + net);
        JacobianNet frozen = JacobianNet.of(net.widths, net.acts, net.wOff, net.bOff, fill(net.layers()), fill(net.layers()));
        core(frozen, samples, x, xOff, ldx, params, pOff, new double[0], 0, 1, out, outOff, -1, null, 0, 0,
                layer, input, inOff, ldIn, delta, deltaOff, ldDelta, work);
    }

    private static void core(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                             double[] params, int pOff, double[] j, int jOff, int ldj,
                             double[] out, int outOff, int sensLayer, double[] sens, int sensOff, int ldSens,
                             int tapLayer, double[] tapIn, int tapInOff, int ldTapIn,
                             double[] tapDelta, int tapDeltaOff, int ldTapDelta, double[] work) {
        int layers = net.layers();
        int[] w = net.widths;
        Check.matrix("X", x.length, xOff, samples, w[0], ldx);
        Check.vector("params", params.length, pOff, net.paramCount);
        if (net.columns > 0) Check.matrix("J", j.length, jOff, samples, net.columns, ldj);
        if (out != null) Check.vector("out", out.length, outOff, samples);
        if (sens != null) {
            if (sensLayer < 0 || sensLayer >= layers) {
                throw new IllegalArgumentException("sensLayer " + sensLayer + " is not a layer of " + net);
            }
            Check.matrix("sens", sens.length, sensOff, samples, w[sensLayer], ldSens);
        }
        Check.vector("work", work.length, 0, net.workSize());
        if (tapIn != null) Check.matrix("input", tapIn.length, tapInOff, samples, w[tapLayer], ldTapIn);
        if (tapDelta != null) Check.matrix("delta", tapDelta.length, tapDeltaOff, samples, w[tapLayer + 1], ldTapDelta);
        // without Jacobian columns or sensitivities the backward pass is only needed down to the tapped δ
        int stopAt = tapDelta != null ? tapLayer : layers - 1;

        // work layout: z_1..z_L | a_1..a_L (a_0 is the input row) | delta | delta'
        int[] zAt = new int[layers + 1];
        int total = 0;
        for (int l = 1; l <= layers; l++) {
            zAt[l] = total;
            total += w[l];
        }
        int aBase = total, dA = 2 * total, dB = dA + maxWidth(w);

        for (int d = 0; d < samples; d++) {
            int xRow = xOff + d * ldx;
            // forward
            for (int l = 0; l < layers; l++) {
                double[] in = l == 0 ? x : work;
                int inOff = l == 0 ? xRow : aBase + zAt[l];
                int zo = zAt[l + 1];
                Kernels.dgemv(false, w[l + 1], w[l], 1.0, params, pOff + net.wOff[l], w[l], in, inOff, 0.0, work, zo);
                if (net.bOff[l] >= 0) Kernels.axpy(w[l + 1], 1.0, params, pOff + net.bOff[l], work, zo);
                Kernels.activate(net.acts[l], w[l + 1], work, zo, work, aBase + zo);
            }
            if (out != null) out[outOff + d] = work[aBase + zAt[layers]];
            if (tapIn != null) {
                if (tapLayer == 0) System.arraycopy(x, xRow, tapIn, tapInOff + d * ldTapIn, w[0]);
                else System.arraycopy(work, aBase + zAt[tapLayer], tapIn, tapInOff + d * ldTapIn, w[tapLayer]);
            }
            // backward: delta = ∂NN/∂z_l, starting from act_L'(z_L)
            int cur = dA, nxt = dB;
            work[cur] = net.acts[layers - 1].derivative(work[zAt[layers]]);
            int jRow = jOff + d * ldj;
            for (int l = layers - 1; l >= 0; l--) {
                int nOut = w[l + 1], nIn = w[l];
                if (tapDelta != null && l == tapLayer) System.arraycopy(work, cur, tapDelta, tapDeltaOff + d * ldTapDelta, nOut);
                double[] in = l == 0 ? x : work;
                int inOff = l == 0 ? xRow : aBase + zAt[l];
                if (net.wCol[l] >= 0) {
                    int base = jRow + net.wCol[l];
                    for (int i = 0; i < nOut; i++) scaleCopy(nIn, work[cur + i], in, inOff, j, base + i * nIn);
                    if (net.bCol[l] >= 0) System.arraycopy(work, cur, j, jRow + net.bCol[l], nOut);
                }
                boolean wantSens = sens != null && l == sensLayer;
                if (l == 0 && !wantSens) break;
                if (net.columns == 0 && sens == null && l <= stopAt) break;
                // ∂NN/∂a_{l} (the layer's input) = W_lᵀ δ_l
                Kernels.dgemv(true, nOut, nIn, 1.0, params, pOff + net.wOff[l], nIn, work, cur, 0.0, work, nxt);
                if (wantSens) System.arraycopy(work, nxt, sens, sensOff + d * ldSens, nIn);
                if (l == 0) break;
                Kernels.activateBackward(net.acts[l - 1], nIn, work, zAt[l], work, nxt, work, nxt);
                int t = cur;
                cur = nxt;
                nxt = t;
            }
        }
    }

    /** {@link #dense} without outputs or sensitivities. */
    public static void dense(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                             double[] params, int pOff, double[] j, int jOff, int ldj, double[] work) {
        dense(net, samples, x, xOff, ldx, params, pOff, j, jOff, ldj, null, 0, 0, null, 0, 0, work);
    }

    /**
     * Outputs and input-of-layer sensitivities only, no Jacobian (e.g. NN(x_d) and ∇NN3(z_d) for
     * the certificate when the Jacobian is not wanted).
     */
    public static void forwardAndSensitivity(JacobianNet net, int samples, double[] x, int xOff, int ldx,
                                             double[] params, int pOff, double[] out, int outOff,
                                             int sensLayer, double[] sens, int sensOff, int ldSens, double[] work) {
        JacobianNet frozen = JacobianNet.of(net.widths, net.acts, net.wOff, net.bOff,
                fill(net.layers()), fill(net.layers()));
        dense(frozen, samples, x, xOff, ldx, params, pOff, new double[0], 0, 1, out, outOff, sensLayer, sens, sensOff, ldSens, work);
    }

    private static int[] fill(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    private static int maxWidth(int[] w) {
        int m = 0;
        for (int v : w) m = Math.max(m, v);
        return m;
    }

    /** dst[i] = s·src[i]; a plain loop C2 vectorises. */
    private static void scaleCopy(int n, double s, double[] src, int srcOff, double[] dst, int dstOff) {
        for (int i = 0; i < n; i++) dst[dstOff + i] = s * src[srcOff + i];
    }
}
