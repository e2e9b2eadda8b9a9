package dev.basin.analysis.convergence;

import dev.basin.analysis.regress.ExponentialRegression;
import dev.basin.analysis.regress.KernelRidge;
import dev.basin.analysis.regress.LinearRegression;
import dev.basin.analysis.regress.LogLinearRegression;
import dev.basin.analysis.regress.NeuralNetRegressor;
import dev.basin.analysis.regress.PolynomialRegression;
import dev.basin.analysis.regress.Regressor;
import dev.basin.analysis.regress.XgbTrees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 11 regressors of seed 004's table §2.1, in its order, with its R² beside each. */
public final class Regressors {

    private Regressors() {}

    /** Seed 004 §2.1's R² per model name (the seed gives MSE and MAE only for the first two). */
    public static final Map<String, double[]> SEED = new LinkedHashMap<>();

    static {
        SEED.put("Gradient Boosting", new double[] {1.0000, 0.0000, 0.0003});
        SEED.put("Random Forest", new double[] {1.0000, 0.0000, 0.0003});
        SEED.put("RBF Kernel", new double[] {0.9992, Double.NaN, Double.NaN});
        SEED.put("Neural Net (3-layer)", new double[] {0.9986, Double.NaN, Double.NaN});
        SEED.put("Neural Net (2-layer)", new double[] {0.9794, Double.NaN, Double.NaN});
        SEED.put("Linear Regression", new double[] {0.9666, Double.NaN, Double.NaN});
        SEED.put("Polynomial (degree 2)", new double[] {0.9466, Double.NaN, Double.NaN});
        SEED.put("Polynomial (degree 3)", new double[] {0.9237, Double.NaN, Double.NaN});
        SEED.put("Log-Linear", new double[] {0.9200, Double.NaN, Double.NaN});
        SEED.put("Exponential", new double[] {0.8832, Double.NaN, Double.NaN});
        SEED.put("Linear Kernel", new double[] {-105.6795, Double.NaN, Double.NaN});
    }

    /** Knobs exposed as flags; everything else is fixed and printed by {@link Regressor#hyperparameters()}. */
    public record Options(int trees, int boostRounds, int rbfLandmarks, int nnEpochs, int xgbThreads) {}

    public static List<Regressor> all(FeatureTable t, Options o) {
        StringBuilder dn = new StringBuilder();
        for (int c : t.distanceColumns) dn.append(dn.isEmpty() ? "" : ", ").append(t.names[c]);
        String distNames = "the distance block (" + dn + ")";
        List<Regressor> l = new ArrayList<>();
        l.add(XgbTrees.gradientBoosting(o.boostRounds(), 3, 0.1, o.xgbThreads()));
        l.add(XgbTrees.randomForest(o.trees(), 12, 0.632, 1.0 / 3, o.xgbThreads()));
        l.add(new KernelRidge(KernelRidge.Kernel.RBF, 1e-3, 0, o.rbfLandmarks()));
        l.add(new NeuralNetRegressor(new int[] {32, 16}, 0.01, 0.9, 32, o.nnEpochs()));
        l.add(new NeuralNetRegressor(new int[] {32}, 0.01, 0.9, 32, o.nnEpochs()));
        l.add(new LinearRegression());
        l.add(new PolynomialRegression(2, t.distanceColumns, distNames));
        l.add(new PolynomialRegression(3, t.distanceColumns, distNames));
        l.add(new LogLinearRegression());
        l.add(new ExponentialRegression(200));
        l.add(new KernelRidge(KernelRidge.Kernel.LINEAR, 1.0, 0, 0));
        return l;
    }
}
