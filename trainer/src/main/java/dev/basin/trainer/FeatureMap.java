package dev.basin.trainer;

import dev.basin.kernels.Activation;

import java.util.SplittableRandom;

/**
 * Seed 002's fixed first stage NN1: x'_d = NN1(x_d), applied once to a data set (it has no
 * trainable parameters, so the network starts at NN2). Computed in double.
 */
public final class FeatureMap {

    private final String name;
    private final int in, out;
    private final double[] w, b;     // out×in row-major, out; null for identity
    private final Activation act;    // null: threshold step (1 if w·x + b ≥ 0 else 0)

    private FeatureMap(String name, int in, int out, double[] w, double[] b, Activation act) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.w = w;
        this.b = b;
        this.act = act;
    }

    /** NN1 = the 1-1 map x' = x (machine C of the seed). */
    public static FeatureMap identity(int n) {
        return new FeatureMap("identity", n, n, null, null, Activation.IDENTITY);
    }

    /** A fixed dense layer x' = act(W·x + b), W out×in row-major. */
    public static FeatureMap dense(double[] w, double[] b, int in, int out, Activation act) {
        check(w, b, in, out);
        return new FeatureMap("dense-" + act.name().toLowerCase(java.util.Locale.ROOT), in, out, w.clone(), b.clone(), act);
    }

    /** A fixed random layer: W and b drawn N(0,1) from SplittableRandom(seed) (W row-major, then b), then act. */
    public static FeatureMap random(int in, int out, Activation act, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[in * out], b = new double[out];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian();
        for (int i = 0; i < out; i++) b[i] = rng.nextGaussian();
        return new FeatureMap("random-" + act.name().toLowerCase(java.util.Locale.ROOT) + "-s" + seed, in, out, w, b, act);
    }

    /** A threshold layer: x'_i = 1 if W_i·x + b_i ≥ 0 else 0. */
    public static FeatureMap threshold(double[] w, double[] b, int in, int out) {
        check(w, b, in, out);
        return new FeatureMap("threshold", in, out, w.clone(), b.clone(), null);
    }

    /**
     * Seed 002 §2.4's threshold layer for the grid x_d = d: w_i = −1, b_i = i (i = 1..M), so
     * [x'_d]_i = 1 iff i − d ≥ 0: an upper-triangular 0/1 matrix, full rank when M ≥ D.
     */
    public static FeatureMap upperTriangular(int m) {
        double[] w = new double[m], b = new double[m];
        for (int i = 0; i < m; i++) { w[i] = -1; b[i] = i + 1; }
        return threshold(w, b, 1, m);
    }

    /** Seed 002 §2.4's "double Vandermonde" layer for x_d = d: x'_i = sigmoid(i·x), i = 1..M, no threshold. */
    public static FeatureMap doubleVandermonde(int m) {
        double[] w = new double[m], b = new double[m];
        for (int i = 0; i < m; i++) w[i] = i + 1;
        return new FeatureMap("double-vandermonde", 1, m, w, b, Activation.SIGMOID);
    }

    private static void check(double[] w, double[] b, int in, int out) {
        if (w.length != in * out || b.length != out) {
            throw new IllegalArgumentException("feature map " + in + "→" + out + " needs " + in * out + " weights and " + out + " thresholds");
        }
    }

    public int inputs() { return in; }
    public int outputs() { return out; }
    public String name() { return name; }

    /** The data set with every input x_d replaced by x'_d = NN1(x_d); targets unchanged. */
    public DataSet apply(DataSet data) {
        if (data.inputs() != in) throw new IllegalArgumentException("feature map takes " + in + " inputs, data set '" + data.name() + "' has " + data.inputs());
        int d = data.rows();
        double[] x = new double[d * out];
        for (int r = 0; r < d; r++) {
            for (int j = 0; j < out; j++) {
                double v;
                if (w == null) v = data.x(r, j);
                else {
                    v = b[j];
                    for (int i = 0; i < in; i++) v += w[j * in + i] * data.x(r, i);
                }
                x[r * out + j] = act == null ? (v >= 0 ? 1.0 : 0.0) : act.apply(v);
            }
        }
        return new DataSet(data.name() + "|" + name, d, out, data.targetsPerRow(), x, data.tCopy(), null, data.targetName());
    }
}
