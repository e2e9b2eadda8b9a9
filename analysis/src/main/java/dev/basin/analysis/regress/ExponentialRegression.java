package dev.basin.analysis.regress;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;

/**
 * y ≈ exp(β₀ + βᵀz) fitted by nonlinear least squares in y's own units (Commons Math
 * Levenberg–Marquardt), started from the log-linear solution: the same law as {@link LogLinearRegression}
 * but weighing absolute errors.
 */
public final class ExponentialRegression implements Regressor {

    private final int maxIterations;

    public ExponentialRegression(int maxIterations) { this.maxIterations = maxIterations; }

    @Override public String name() { return "Exponential"; }

    @Override public String hyperparameters() {
        return "y = exp(β₀+βᵀz), z-scored features, Levenberg–Marquardt (Commons Math defaults) from the log-linear fit, ≤ " + maxIterations + " iterations";
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        Standardizer s = Standardizer.fit(x);
        double[][] z = s.apply(x);
        int n = z.length, d = z[0].length + 1;
        double[] start = LogLinearRegression.logFit(z, y);
        MultivariateJacobianFunction f = beta -> {
            double[] v = new double[n];
            double[][] j = new double[n][d];
            for (int i = 0; i < n; i++) {
                double e = beta.getEntry(0);
                for (int k = 1; k < d; k++) e += beta.getEntry(k) * z[i][k - 1];
                e = Math.exp(Math.min(e, 700));
                v[i] = e;
                j[i][0] = e;
                for (int k = 1; k < d; k++) j[i][k] = e * z[i][k - 1];
            }
            return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
        };
        double[] beta;
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start).model(f).target(y).maxEvaluations(maxIterations * 4).maxIterations(maxIterations).build());
            beta = opt.getPoint().toArray();
        } catch (org.apache.commons.math3.exception.TooManyIterationsException
                 | org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            beta = start;   // keep the log-space fit; the report's numbers then say how good that is
        }
        double[] b = beta;
        return row -> Math.exp(Math.min(LeastSquares.dotWithIntercept(b, s.apply(row)), 700));
    }
}
