package dev.basin.kernels;

import java.util.Arrays;

/**
 * The shape of a dense network as the Jacobian kernels see it: layer widths, one activation per
 * layer, where each layer's weights and bias live in a flat parameter array, and which Jacobian
 * column each trainable parameter gets. It knows nothing of the trainer; the trainer (or anyone)
 * describes its own flat buffer with it.
 *
 * <p>Layer {@code l} maps {@code widths[l]} inputs to {@code widths[l+1]} outputs:
 * {@code z = W_l·a + b_l}, {@code a' = act_l(z)}. {@code W_l} is row-major out×in (PyTorch's
 * {@code nn.Linear} order) at {@code params[pOff + weightOffset[l]]}; {@code b_l} at
 * {@code params[pOff + biasOffset[l]]}, or absent when that offset is −1. The last layer has one
 * output (the network's scalar output). A trainable layer's weight (i, j) is Jacobian column
 * {@code weightColumn[l] + i·in + j}, its bias i column {@code biasColumn[l] + i}; a fixed
 * layer has column −1 and no columns at all.
 *
 * <p>Seed 002's three-stage machine NN3∘NN2∘NN1 is such a net on the features x' = NN1(x): NN1 is
 * fixed, so the caller evaluates it once and passes x' as the input; NN2 is a trainable layer
 * with the identity activation; NN3 is the remaining layers, trainable or fixed.
 */
public final class JacobianNet {

    final int[] widths;
    final Activation[] acts;
    final int[] wOff, bOff, wCol, bCol;
    final int columns;
    final int paramCount;

    private JacobianNet(int[] widths, Activation[] acts, int[] wOff, int[] bOff, int[] wCol, int[] bCol) {
        this.widths = widths.clone();
        this.acts = acts.clone();
        this.wOff = wOff.clone();
        this.bOff = bOff.clone();
        this.wCol = wCol.clone();
        this.bCol = bCol.clone();
        int layers = widths.length - 1;
        if (layers < 1) throw new IllegalArgumentException("a net needs at least one layer, widths=" + Arrays.toString(widths));
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("widths must be positive: " + Arrays.toString(widths));
        if (widths[layers] != 1) throw new IllegalArgumentException("the last width must be 1 (one output), widths=" + Arrays.toString(widths));
        if (acts.length != layers || wOff.length != layers || bOff.length != layers || wCol.length != layers || bCol.length != layers) {
            throw new IllegalArgumentException("one activation, weight offset, bias offset and column offset per layer (" + layers + ") are needed");
        }
        int cols = 0, params = 0;
        for (int l = 0; l < layers; l++) {
            if (acts[l] == null) throw new IllegalArgumentException("activation of layer " + l + " is null");
            int nw = widths[l] * widths[l + 1];
            if (wOff[l] < 0) throw new IllegalArgumentException("weight offset of layer " + l + " is negative");
            params = Math.max(params, wOff[l] + nw);
            if (bOff[l] >= 0) params = Math.max(params, bOff[l] + widths[l + 1]);
            if (wCol[l] >= 0) cols = Math.max(cols, wCol[l] + nw);
            if (bCol[l] >= 0) {
                if (bOff[l] < 0) throw new IllegalArgumentException("layer " + l + " has a bias column but no bias");
                cols = Math.max(cols, bCol[l] + widths[l + 1]);
            }
            if (bOff[l] >= 0 && (wCol[l] >= 0) != (bCol[l] >= 0)) {
                throw new IllegalArgumentException("layer " + l + ": weights and bias must be both trainable or both fixed");
            }
        }
        this.columns = cols;
        this.paramCount = params;
    }

    /**
     * A net described by explicit offsets and columns (see the class comment); −1 marks no bias
     * ({@code biasOffset}) or a fixed layer ({@code weightColumn}, {@code biasColumn}).
     */
    public static JacobianNet of(int[] widths, Activation[] acts, int[] weightOffset, int[] biasOffset,
                                 int[] weightColumn, int[] biasColumn) {
        return new JacobianNet(widths, acts, weightOffset, biasOffset, weightColumn, biasColumn);
    }

    /**
     * The common layout: every layer trainable and biased, stored [W_0, b_0, W_1, b_1, …] in one
     * buffer, Jacobian columns equal to parameter indices. Hidden layers use {@code hidden}, the
     * output is linear.
     */
    public static JacobianNet dense(Activation hidden, int... widths) {
        int layers = widths.length - 1;
        if (layers < 1) throw new IllegalArgumentException("a net needs at least two widths, got " + Arrays.toString(widths));
        Activation[] acts = new Activation[layers];
        int[] wOff = new int[layers], bOff = new int[layers];
        int p = 0;
        for (int l = 0; l < layers; l++) {
            acts[l] = l == layers - 1 ? Activation.IDENTITY : hidden;
            wOff[l] = p;
            p += widths[l] * widths[l + 1];
            bOff[l] = p;
            p += widths[l + 1];
        }
        return new JacobianNet(widths, acts, wOff, bOff, wOff, bOff);
    }

    public int layers() {
        return widths.length - 1;
    }

    public int width(int i) {
        return widths[i];
    }

    public Activation activation(int layer) {
        return acts[layer];
    }

    /** Number of Jacobian columns (trainable parameters), P. */
    public int columns() {
        return columns;
    }

    /** Smallest parameter array (from pOff) that holds every layer. */
    public int parameterCount() {
        return paramCount;
    }

    public int weightOffset(int layer) { return wOff[layer]; }

    public int biasOffset(int layer) { return bOff[layer]; }

    public int weightColumn(int layer) { return wCol[layer]; }

    public int biasColumn(int layer) { return bCol[layer]; }

    /** True for the one-hidden-layer, all-trainable, biased net the structured Gram handles. */
    public boolean isOneHiddenAllTrainable() {
        return layers() == 2 && acts[1] == Activation.IDENTITY
                && bOff[0] >= 0 && bOff[1] >= 0 && wCol[0] >= 0 && wCol[1] >= 0;
    }

    /** Doubles of scratch {@link JacobianKernels#dense} needs: pre-activations, activations, two deltas. */
    public int workSize() {
        int sum = 0, max = 0;
        for (int w : widths) {
            sum += w;
            max = Math.max(max, w);
        }
        return 2 * sum + 2 * max;
    }

    @Override
    public String toString() {
        return "JacobianNet" + Arrays.toString(widths) + " " + Arrays.toString(acts) + ", P=" + columns;
    }
}
