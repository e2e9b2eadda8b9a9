package dev.basin.trainer;

import java.util.SplittableRandom;

/**
 * Parameter initialisations. Values are drawn in double from a {@link SplittableRandom} seeded by
 * the run's seed, layer by layer, W (row-major) then b, and rounded to the model's precision, so
 * float32 and float64 models with the same seed start at the same (rounded) point.
 */
public enum Init {
    /** Every parameter N(0, 1): seed 004's initialisation of y = |Wx + b| (issue 3's benchmark). */
    NORMAL,
    /** PyTorch nn.Linear's default: W and b uniform in ±1/√in. */
    UNIFORM_FAN_IN,
    /** LeCun normal: W ~ N(0, 1/in), b = 0. */
    NORMAL_FAN_IN,
    /** All zeros (tests, or a start the caller overwrites). */
    ZERO;

    /** Draws one layer's weights (in·out) and then, if {@code nb > 0}, nb biases into dst. */
    void draw(SplittableRandom rng, int in, int out, int nb, double[] dst, int off) {
        int nw = in * out;
        double bound = 1.0 / Math.sqrt(in);
        for (int i = 0; i < nw + nb; i++) {
            boolean isBias = i >= nw;
            dst[off + i] = switch (this) {
                case NORMAL -> rng.nextGaussian();
                case UNIFORM_FAN_IN -> (2.0 * rng.nextDouble() - 1.0) * bound;
                case NORMAL_FAN_IN -> isBias ? 0.0 : rng.nextGaussian() * bound;
                case ZERO -> 0.0;
            };
        }
    }
}
