package dev.basin.trainer;

import dev.basin.kernels.Activation;

/**
 * One dense layer y = act(W·x + b) with W stored out×in row-major (PyTorch's nn.Linear layout:
 * W[j][i] multiplies input i for output j), then b (out values) when {@code bias}.
 * A frozen layer ({@code trainable = false}) keeps its weights in the network's frozen buffer and
 * gets no gradient, but the gradient still flows through it to the layers below.
 */
public record Layer(int in, int out, Activation activation, boolean bias, boolean trainable) {

    public Layer {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("layer widths must be positive, got " + in + "→" + out);
        if (activation == null) throw new IllegalArgumentException("layer activation is null");
    }

    public static Layer dense(int in, int out, Activation act) {
        return new Layer(in, out, act, true, true);
    }

    /** Number of values this layer stores: in·out weights plus out biases if any. */
    public int size() {
        return in * out + (bias ? out : 0);
    }
}
