package dev.basin.analysis.regress;

/**
 * Ordinary least squares with an intercept: y ≈ β₀ + βᵀx. Solved on z-scored columns (the same
 * model, better conditioned: the ratio features reach 1e8 when a final parameter is near 0).
 */
public final class LinearRegression implements Regressor {

    @Override public String name() { return "Linear Regression"; }

    @Override public String hyperparameters() { return "OLS with intercept (solved on z-scored columns; minimum-norm pseudo-inverse solution, eigenvalues < 1e-12·max dropped)"; }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        Standardizer s = Standardizer.fit(x);
        double[] beta = LeastSquares.solve(LeastSquares.withIntercept(s.apply(x)), y, 0.0);
        return row -> LeastSquares.dotWithIntercept(beta, s.apply(row));
    }
}
