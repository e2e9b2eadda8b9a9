package dev.basin.analysis.rank;

import dev.basin.kernels.JacobianKernels;
import dev.basin.kernels.NtkKernels;

/**
 * Everything seed 002 asks about one point w of one network on one data set, in float64: the
 * per-sample Jacobian J (D × P) and its spectrum, the hidden features x' at NN2's input and
 * theirs, and the certificate |NN(x_d) − y_d| ≤ ε/(2qr).
 *
 * @param loss      Error(w) = Σ_d (NN(x_d) − y_d)² (the seed's sum form)
 * @param outputs   NN(x_d)
 * @param jacobian  spectrum of J: rank, σ_min, condition
 * @param features  spectrum of x' (D × width), whose row scaling factor is r
 */
public record PointAnalysis(int samples, int columns, double loss, double[] outputs, Spectrum jacobian,
                            Spectrum features, Certificate certificate) {

    /** Above this many Jacobian entries a one-hidden-layer net takes the structured Gram route first. */
    static final long GRAM_ROUTE_ENTRIES = 1L << 20;

    /**
     * Analyses {@code point} on inputs x (D × inputs, row-major) with targets y.
     *
     * @param exact  always use the SVD of J (else the structured Gram route is taken for large
     *               one-hidden-layer nets, falling back to the SVD when it cannot resolve the rank)
     */
    public static PointAnalysis of(NetPoint point, int samples, double[] x, double[] y, boolean exact) {
        var net = point.net();
        int n0 = net.width(0), cols = net.columns();
        if (x.length < (long) samples * n0) throw new IllegalArgumentException("x needs " + samples + "×" + n0 + " values, has " + x.length);
        if (y.length < samples) throw new IllegalArgumentException("y needs " + samples + " values, has " + y.length);
        MatrixRank.requireFinite(point.params(), point.params().length, "parameter");
        double[] work = new double[net.workSize()];
        double[] j = new double[samples * cols];
        double[] out = new double[samples];
        JacobianKernels.dense(net, samples, x, 0, n0, point.params(), 0, j, 0, cols, out, 0, 0, null, 0, 0, work);
        double[] res = new double[samples];
        double loss = 0;
        for (int d = 0; d < samples; d++) {
            res[d] = out[d] - y[d];
            loss += res[d] * res[d];
        }
        // ∇Error = 2·Jᵀ·res
        double[] grad = new double[cols];
        for (int d = 0; d < samples; d++) {
            double s = 2 * res[d];
            for (int c = 0; c < cols; c++) grad[c] += s * j[d * cols + c];
        }
        double eps = 0;
        for (double g : grad) eps += g * g;
        eps = Math.sqrt(eps);

        Spectrum js;
        boolean oneHidden = net.layers() == 2 && net.isOneHiddenAllTrainable();
        if (!exact && oneHidden && (long) samples * cols > GRAM_ROUTE_ENTRIES) {
            double[] k = new double[samples * samples];
            NtkKernels.gramOneHiddenFromJacobian(net, samples, x, 0, n0, j, 0, cols, k, 0, samples,
                    new double[NtkKernels.gramFromJacobianWorkSize(samples)]);
            js = MatrixRank.jacobian(j, k, samples, cols);
        } else {
            js = MatrixRank.svd(j, samples, cols);
        }

        int layer = point.nn2(), m = net.width(layer), mz = net.width(layer + 1);
        double[] feats = new double[samples * m], delta = new double[samples * mz];
        JacobianKernels.layerSplit(net, samples, x, 0, n0, point.params(), 0, layer, feats, 0, m, delta, 0, mz, null, 0, work);
        Certificate cert = Certificate.evaluate(samples, feats, m, res, eps, delta, mz);
        Spectrum fs = MatrixRank.svd(feats, samples, m);
        return new PointAnalysis(samples, cols, loss, out, js, fs, cert);
    }
}
