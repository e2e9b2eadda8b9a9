package dev.basin.analysis.rank;

import dev.basin.kernels.Activation;
import dev.basin.kernels.JacobianNet;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.Layer;
import dev.basin.trainer.Network;
import dev.basin.trainer.Precision;
import java.util.List;

/**
 * A trained network at one point w, in the plain-array form the Jacobian kernels take: the
 * trainer's trainable parameters (its {@link Network} layout: trainable layers in order, W
 * out×in row-major then b) followed by the frozen layers' values, all float64. Jacobian columns
 * are the trainable parameter indices, so column p is the trainer's parameter p.
 *
 * @param net     the kernels' description of the network
 * @param params  trainable parameters (P values) then frozen values
 * @param nn2     the layer playing seed 002's NN2 (its input is x', its pre-activation z)
 */
public record NetPoint(JacobianNet net, double[] params, int nn2) {

    /**
     * From the trainer: {@code trainable} are a run's final parameters; frozen layers are redrawn
     * from {@code seed} exactly as {@link Network#initialize(long)} drew them for that run.
     * NN2 is the layer fed by the widest hidden layer (for a one-hidden-layer MLP, the output
     * layer, so x' = the hidden activations), or layer 0 when the first layer is wider than every
     * hidden one (the three-stage machine, whose NN1 features are the data).
     */
    public static NetPoint of(Architecture arch, double[] trainable, long seed) {
        List<Layer> layers = arch.layers();
        if (arch.outputs() != 1) throw new IllegalArgumentException("the rank analysis needs one output, '" + arch.name() + "' has " + arch.outputs());
        Network shape = new Network(arch, Precision.F64, 1);
        if (trainable.length != shape.numParams()) {
            throw new IllegalArgumentException("'" + arch.name() + "' has " + shape.numParams() + " parameters, got " + trainable.length);
        }
        int nl = layers.size(), p = shape.numParams();
        double[] frozen = new double[0];
        boolean anyFrozen = layers.stream().anyMatch(l -> !l.trainable());
        if (anyFrozen) {
            shape.initialize(seed);
            frozen = new double[shape.frozen().length()];
            shape.frozen().copyTo(0, frozen, 0, frozen.length);
        }
        double[] all = new double[p + frozen.length];
        System.arraycopy(trainable, 0, all, 0, p);
        System.arraycopy(frozen, 0, all, p, frozen.length);
        int[] widths = new int[nl + 1];
        Activation[] acts = new Activation[nl];
        int[] wOff = new int[nl], bOff = new int[nl], wCol = new int[nl], bCol = new int[nl];
        widths[0] = arch.inputs();
        for (int l = 0; l < nl; l++) {
            Layer L = layers.get(l);
            widths[l + 1] = L.out();
            acts[l] = L.activation();
            int shift = L.trainable() ? 0 : p;
            wOff[l] = shape.weightOffset(l) + shift;
            bOff[l] = L.bias() ? shape.biasOffset(l) + shift : -1;
            wCol[l] = L.trainable() ? shape.weightOffset(l) : -1;
            bCol[l] = L.trainable() && L.bias() ? shape.biasOffset(l) : -1;
        }
        return new NetPoint(JacobianNet.of(widths, acts, wOff, bOff, wCol, bCol), all, defaultNn2(widths));
    }

    /** The layer after the widest hidden layer; layer 0 when the input is at least as wide. */
    static int defaultNn2(int[] widths) {
        int best = 0, bestWidth = widths[0];
        for (int i = 1; i < widths.length - 1; i++) {
            if (widths[i] > bestWidth) {
                best = i;
                bestWidth = widths[i];
            }
        }
        return best;
    }

    /** Number of trainable parameters P (Jacobian columns). */
    public int columns() {
        return net.columns();
    }
}
