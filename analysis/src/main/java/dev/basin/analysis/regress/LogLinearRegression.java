package dev.basin.analysis.regress;

/**
 * ln y ≈ β₀ + βᵀz by OLS on z-scored features, predicting exp(β₀ + βᵀz): an exponential law fitted
 * in log space (so it weighs relative errors). Needs y &gt; 0 (epochs remaining is ≥ 1).
 */
public final class LogLinearRegression implements Regressor {

    @Override public String name() { return "Log-Linear"; }

    @Override public String hyperparameters() { return "OLS of ln(y) on z-scored features with intercept; prediction exp(fit)"; }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        double[] ly = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0)) throw new IllegalArgumentException("log-linear regression needs positive targets, row " + i + " has " + y[i]);
            ly[i] = Math.log(y[i]);
        }
        Standardizer s = Standardizer.fit(x);
        double[] beta = LeastSquares.solve(LeastSquares.withIntercept(s.apply(x)), ly, 0.0);
        return row -> Math.exp(LeastSquares.dotWithIntercept(beta, s.apply(row)));
    }

    static double[] logFit(double[][] z, double[] y) {
        double[] ly = new double[y.length];
        for (int i = 0; i < y.length; i++) ly[i] = Math.log(Math.max(y[i], 1e-12));
        return LeastSquares.solve(LeastSquares.withIntercept(z), ly, 0.0);
    }
}
