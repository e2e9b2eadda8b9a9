package dev.basin.analysis.regress;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each regressor on data with an exact relationship of its own kind. */
class RegressorsTest {

    static double[][] inputs(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextDouble() * 2 - 1;
        return x;
    }

    static double r2OnFreshRows(Regressor reg, double[][] x, double[] y, java.util.function.ToDoubleFunction<double[]> truth) {
        Regressor.Model m = reg.fit(x, y, 1);
        double[][] xt = inputs(200, x[0].length, 99);
        double[] yt = new double[xt.length];
        for (int i = 0; i < xt.length; i++) yt[i] = truth.applyAsDouble(xt[i]);
        return Metrics.of(yt, m.predict(xt)).r2();
    }

    static double[] apply(double[][] x, java.util.function.ToDoubleFunction<double[]> f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f.applyAsDouble(x[i]);
        return y;
    }

    @Test
    void linearRegressionIsExactOnLinearData() {
        java.util.function.ToDoubleFunction<double[]> f = r -> 3 - 2 * r[0] + 0.5 * r[1] + 7 * r[2];
        double[][] x = inputs(300, 3, 1);
        assertEquals(1.0, r2OnFreshRows(new LinearRegression(), x, apply(x, f), f), 1e-12);
    }

    @Test
    void linearRegressionSurvivesCollinearColumns() {
        double[][] x = inputs(100, 2, 2);
        double[][] xc = new double[100][];
        for (int i = 0; i < 100; i++) xc[i] = new double[] {x[i][0], x[i][1], x[i][0]};   // column 2 repeats column 0
        double[] y = apply(xc, r -> 1 + r[0] + r[1]);
        assertEquals(1.0, Metrics.of(y, new LinearRegression().fit(xc, y, 1).predict(xc)).r2(), 1e-10);
    }

    @Test
    void polynomialIsExactOnCubicsOfTheExpandedColumns() {
        java.util.function.ToDoubleFunction<double[]> f = r -> 1 + r[0] - 2 * r[1] * r[1] + 0.5 * r[0] * r[1] * r[1] + r[2];
        double[][] x = inputs(400, 3, 3);
        assertEquals(1.0, r2OnFreshRows(new PolynomialRegression(3, new int[] {0, 1}, "x0, x1"), x, apply(x, f), f), 1e-9);
        // Degree 2 cannot represent the cubic term.
        assertTrue(r2OnFreshRows(new PolynomialRegression(2, new int[] {0, 1}, "x0, x1"), x, apply(x, f), f) < 0.999);
    }

    @Test
    void logLinearAndExponentialAreExactOnExponentialData() {
        java.util.function.ToDoubleFunction<double[]> f = r -> Math.exp(1.5 + 0.8 * r[0] - 0.3 * r[1]);
        double[][] x = inputs(300, 2, 4);
        double[] y = apply(x, f);
        assertEquals(1.0, r2OnFreshRows(new LogLinearRegression(), x, y, f), 1e-10);
        assertEquals(1.0, r2OnFreshRows(new ExponentialRegression(200), x, y, f), 1e-9);
    }

    @Test
    void exponentialBeatsLogLinearUnderAdditiveNoise() {
        // Least squares in y's own units weighs absolute errors; it should not lose to the log fit there.
        SplittableRandom r = new SplittableRandom(5);
        java.util.function.ToDoubleFunction<double[]> f = q -> Math.exp(2 + q[0]);
        double[][] x = inputs(400, 1, 5);
        double[] y = apply(x, f);
        for (int i = 0; i < y.length; i++) y[i] = Math.max(0.05, y[i] + r.nextGaussian() * 0.5);
        double e = Metrics.of(y, new ExponentialRegression(200).fit(x, y, 1).predict(x)).mse();
        double l = Metrics.of(y, new LogLinearRegression().fit(x, y, 1).predict(x)).mse();
        assertTrue(e <= l + 1e-9, "exponential mse " + e + " vs log-linear " + l);
    }

    @Test
    void linearKernelRidgeWithTinyPenaltyIsExactOnCentredLinearData() {
        // No intercept: a linear function of the z-scored inputs with zero mean.
        double[][] x = inputs(300, 3, 6);
        Standardizer s = Standardizer.fit(x);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) { double[] z = s.apply(x[i]); y[i] = 2 * z[0] - z[1] + 0.5 * z[2]; }
        double r2 = Metrics.of(y, new KernelRidge(KernelRidge.Kernel.LINEAR, 1e-9, 0, 0).fit(x, y, 1).predict(x)).r2();
        assertEquals(1.0, r2, 1e-9);
    }

    @Test
    void rbfKernelRidgeFitsASmoothFunction() {
        java.util.function.ToDoubleFunction<double[]> f = r -> Math.sin(2 * r[0]) + r[1] * r[1];
        double[][] x = inputs(600, 2, 7);
        assertTrue(r2OnFreshRows(new KernelRidge(KernelRidge.Kernel.RBF, 1e-6, 0, 200), x, apply(x, f), f) > 0.999);
    }

    @Test
    void treeEnsemblesFitAStepFunction() {
        java.util.function.ToDoubleFunction<double[]> f = r -> (r[0] > 0.2 ? 5 : 1) + (r[1] > -0.3 ? 2 : 0);
        double[][] x = inputs(500, 3, 8);
        double[] y = apply(x, f);
        assertTrue(r2OnFreshRows(XgbTrees.gradientBoosting(200, 3, 0.3, 1), x, y, f) > 0.99);
        assertTrue(r2OnFreshRows(XgbTrees.randomForest(50, 8, 0.632, 1.0, 1), x, y, f) > 0.98);
    }

    @Test
    void neuralNetsTrainedByBasinFitALinearFunction() {
        java.util.function.ToDoubleFunction<double[]> f = r -> 1 + 2 * r[0] - r[1];
        double[][] x = inputs(800, 2, 9);
        assertTrue(r2OnFreshRows(new NeuralNetRegressor(new int[] {16}, 0.01, 0.9, 32, 100), x, apply(x, f), f) > 0.99);
        assertTrue(r2OnFreshRows(new NeuralNetRegressor(new int[] {16, 8}, 0.01, 0.9, 32, 100), x, apply(x, f), f) > 0.99);
    }

    @Test
    void metricsOnKnownNumbers() {
        Metrics m = Metrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 6});
        assertEquals(1, m.mse(), 1e-15);
        assertEquals(0.5, m.mae(), 1e-15);
        assertEquals(1 - 4 / 5.0, m.r2(), 1e-15);
    }
}
