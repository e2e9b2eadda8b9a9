package dev.basin.trainer;

import dev.basin.kernels.Activation;

import java.util.ArrayList;
import java.util.List;

/**
 * What to build: a stack of dense layers and how to initialise it. Immutable, so one value can
 * describe every run of a sweep; {@link Network#Network(Architecture, Precision, int)} allocates
 * the buffers.
 *
 * <p>Seed 002's three-stage machine NN3 ∘ NN2 ∘ NN1 is built as: NN1 a fixed feature map applied
 * to the data once ({@link FeatureMap}, it has no parameters and needs no backward pass), NN2 a
 * trainable linear layer M → M', NN3 the layers after it, trainable or frozen.
 */
public record Architecture(String name, List<Layer> layers, Init init) {

    public Architecture {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("an architecture needs at least one layer");
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).in() != layers.get(l - 1).out()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).in()
                        + " inputs but layer " + (l - 1) + " gives " + layers.get(l - 1).out());
            }
        }
        if (layers.stream().noneMatch(Layer::trainable)) {
            throw new IllegalArgumentException("an architecture needs at least one trainable layer");
        }
    }

    public int inputs() { return layers.getFirst().in(); }

    public int outputs() { return layers.getLast().out(); }

    /** Seed 004's model y = |w·x + b| with w ∈ R^n, b ∈ R, N(0,1) initialisation. Params: w_0..w_{n-1}, b. */
    public static Architecture abs(int n) {
        return new Architecture("abs", List.of(new Layer(n, 1, Activation.ABS, true, true)), Init.NORMAL);
    }

    /**
     * A dense net widths[0] → widths[1] → … → widths[L], the hidden activation on every hidden
     * layer and a linear output; PyTorch's default initialisation.
     */
    public static Architecture mlp(Activation hidden, int... widths) {
        return mlp(hidden, Activation.IDENTITY, Init.UNIFORM_FAN_IN, widths);
    }

    public static Architecture mlp(Activation hidden, Activation output, Init init, int... widths) {
        if (widths.length < 2) throw new IllegalArgumentException("an MLP needs at least input and output widths");
        List<Layer> ls = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            boolean last = l + 2 == widths.length;
            ls.add(Layer.dense(widths[l], widths[l + 1], last ? output : hidden));
        }
        StringBuilder name = new StringBuilder("mlp-").append(hidden.name().toLowerCase(java.util.Locale.ROOT));
        for (int w : widths) name.append('-').append(w);
        return new Architecture(name.toString(), ls, init);
    }

    /**
     * Seed 002's NN3 ∘ NN2 (NN1 is a {@link FeatureMap} applied to the data): NN2 a trainable
     * linear layer m → mPrime (with a bias when {@code nn2Bias}, the seed's "import a threshold"),
     * then NN3: layers mPrime → nn3Widths… each with {@code nn3Activation} except a linear output,
     * frozen unless {@code nn3Trainable}. With no NN3 widths, NN2's output is the network's output.
     */
    public static Architecture threeStage(int m, int mPrime, boolean nn2Bias, Activation nn3Activation,
                                          boolean nn3Trainable, Init init, int... nn3Widths) {
        List<Layer> ls = new ArrayList<>();
        ls.add(new Layer(m, mPrime, nn3Widths.length == 0 ? Activation.IDENTITY : nn3Activation, nn2Bias, true));
        int prev = mPrime;
        for (int i = 0; i < nn3Widths.length; i++) {
            boolean last = i + 1 == nn3Widths.length;
            ls.add(new Layer(prev, nn3Widths[i], last ? Activation.IDENTITY : nn3Activation, true, nn3Trainable));
            prev = nn3Widths[i];
        }
        return new Architecture("three-stage-" + m + "-" + mPrime, ls, init);
    }
}
