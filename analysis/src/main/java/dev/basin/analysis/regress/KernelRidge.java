package dev.basin.analysis.regress;

import java.util.SplittableRandom;

/**
 * Kernel ridge regression, min Σ(f(x_i) − y_i)² + α‖f‖², on z-scored features. The linear kernel has no intercept
 * (as scikit-learn's KernelRidge); the RBF one centres the target on its training mean, so rows far
 * from every landmark predict the mean rather than 0. The RBF kernel k(x, z) = exp(−γ‖x − z‖²) uses the Nyström
 * approximation with m landmarks drawn from the training rows: f = Σ_j β_j k(·, c_j) with
 * (K_nmᵀK_nm + α K_mm) β = K_nmᵀ (y − ȳ), predicting ȳ + f. The linear kernel k(x, z) = xᵀz is solved exactly in the
 * primal, (ZᵀZ + αI) w = Zᵀy, which is the same function.
 */
public final class KernelRidge implements Regressor {

    public enum Kernel { RBF, LINEAR }

    private final Kernel kernel;
    private final double alpha, gamma;
    private final int landmarks;

    /** gamma ≤ 0 means the median heuristic: 1 / median squared distance between landmarks. */
    public KernelRidge(Kernel kernel, double alpha, double gamma, int landmarks) {
        this.kernel = kernel;
        this.alpha = alpha;
        this.gamma = gamma;
        this.landmarks = landmarks;
    }

    @Override public String name() { return kernel == Kernel.RBF ? "RBF Kernel" : "Linear Kernel"; }

    @Override public String hyperparameters() {
        return kernel == Kernel.RBF
                ? "kernel ridge, RBF γ=" + (gamma > 0 ? gamma : "1/median squared landmark distance (median heuristic)") + ", α=" + alpha + ", Nyström with " + landmarks + " random landmarks, z-scored features, target centred on its training mean"
                : "kernel ridge, linear kernel xᵀz, α=" + alpha + ", z-scored features, no intercept (solved in the primal)";
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        Standardizer s = Standardizer.fit(x);
        double[][] z = s.apply(x);
        int d = z[0].length;
        if (kernel == Kernel.LINEAR) {
            double[] w = LeastSquares.solve(z, y, alpha);
            return row -> {
                double[] q = s.apply(row);
                double v = 0;
                for (int j = 0; j < d; j++) v += w[j] * q[j];
                return v;
            };
        }
        int n = z.length, m = Math.min(landmarks, n);
        // m distinct landmarks by a partial Fisher–Yates shuffle
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] c = new double[m][];
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
            c[i] = z[idx[i]];
        }
        double g = gamma > 0 ? gamma : 1.0 / medianSquaredDistance(c);
        double ym = 0;
        for (double v : y) ym += v;
        double yMean = ym / n;
        double[][] knm = new double[n][m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) knm[i][j] = rbf(z[i], c[j], g);
        double[][] ata = new double[m][m];
        double[] aty = new double[m];
        for (int i = 0; i < n; i++) {
            double[] r = knm[i];
            for (int j = 0; j < m; j++) {
                double rj = r[j];
                if (rj == 0) continue;
                aty[j] += rj * (y[i] - yMean);
                double[] row = ata[j];
                for (int k = 0; k < m; k++) row[k] += rj * r[k];
            }
        }
        double maxDiag = 0;
        for (int j = 0; j < m; j++) for (int k = 0; k < m; k++) ata[j][k] += alpha * rbf(c[j], c[k], g);
        for (int j = 0; j < m; j++) maxDiag = Math.max(maxDiag, ata[j][j]);
        // Landmarks from neighbouring epochs nearly coincide, so the system is nearly singular: a
        // jitter of 1e-9·max diagonal keeps the Cholesky path (the eigendecomposition fallback is slower).
        for (int j = 0; j < m; j++) ata[j][j] += 1e-9 * maxDiag;
        double[] beta = SymmetricSolve.solve(ata, aty);
        return row -> {
            double[] q = s.apply(row);
            double v = yMean;
            for (int j = 0; j < m; j++) v += beta[j] * rbf(q, c[j], g);
            return v;
        };
    }

    static double medianSquaredDistance(double[][] c) {
        int m = c.length;
        if (m < 2) return 1.0;
        double[] d2 = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) for (int j = i + 1; j < m; j++) d2[k++] = squaredDistance(c[i], c[j]);
        java.util.Arrays.sort(d2);
        double med = d2[d2.length / 2];
        return med > 0 ? med : 1.0;
    }

    static double rbf(double[] a, double[] b, double g) {
        return Math.exp(-g * squaredDistance(a, b));
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double t = a[k] - b[k];
            s += t * t;
        }
        return s;
    }
}
