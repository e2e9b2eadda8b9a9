package dev.basin.analysis.convergence;

import dev.basin.trainer.DataSets;
import dev.basin.trainer.Trainer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * What kind of critical point a run ended at: the eigenvalues of the loss Hessian there, by central
 * differences of the float64 loss (step h = 1e-4, error O(h²)). All positive: a local minimum
 * (for a non-converged run, a bad one); one negative: a saddle.
 */
public final class EndPointCheck {

    private EndPointCheck() {}

    public record Curvature(double minEigen, double maxEigen, String kind) {}

    public static Curvature at(TraceExperiment.Settings s, double[] params) {
        Trainer t = new Trainer(s.model().architecture(), DataSets.centeredXor(), s.config());
        int p = params.length;
        double h = 1e-4;
        double[][] hess = new double[p][p];
        double f0 = loss(t, params, -1, 0, -1, 0);
        for (int i = 0; i < p; i++) {
            hess[i][i] = (loss(t, params, i, h, -1, 0) - 2 * f0 + loss(t, params, i, -h, -1, 0)) / (h * h);
            for (int j = i + 1; j < p; j++) {
                double v = (loss(t, params, i, h, j, h) - loss(t, params, i, h, j, -h)
                        - loss(t, params, i, -h, j, h) + loss(t, params, i, -h, j, -h)) / (4 * h * h);
                hess[i][j] = v;
                hess[j][i] = v;
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(hess, false)).getRealEigenvalues();
        double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
        for (double e : ev) { mn = Math.min(mn, e); mx = Math.max(mx, e); }
        double tol = 1e-6 * Math.max(1, Math.abs(mx));
        String kind = mn > tol ? "local minimum" : mn < -tol ? "saddle" : "flat direction (degenerate)";
        return new Curvature(mn, mx, kind);
    }

    private static double loss(Trainer t, double[] base, int i, double di, int j, double dj) {
        double[] q = base.clone();
        if (i >= 0) q[i] += di;
        if (j >= 0) q[j] += dj;
        t.network().setParams(q);
        return t.evaluate();
    }
}
