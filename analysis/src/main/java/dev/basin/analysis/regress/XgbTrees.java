package dev.basin.analysis.regress;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tree ensembles from XGBoost4J (Apache-2.0): gradient boosting as scikit-learn's
 * GradientBoostingRegressor defaults (100 rounds, depth 3, learning rate 0.1, no subsampling, no
 * regularisation, exact greedy splits) and a random forest in XGBoost's forest mode (one round of
 * {@code num_parallel_tree} trees, learning rate 1, each tree on a row subsample drawn without
 * replacement and a column subsample per level). Tribuo 4.3.2's CART was measured first and was
 * about 1–4 s per depth-3 tree on 3,100 rows here, far too slow for the run's budget.
 */
public final class XgbTrees implements Regressor {

    private final String name;
    private final Map<String, Object> params;
    private final int rounds;

    private XgbTrees(String name, Map<String, Object> params, int rounds) {
        this.name = name;
        this.params = params;
        this.rounds = rounds;
    }

    public static XgbTrees gradientBoosting(int rounds, int depth, double eta, int threads) {
        Map<String, Object> p = base(threads);
        p.put("max_depth", depth);
        p.put("eta", eta);
        p.put("tree_method", "exact");
        return new XgbTrees("Gradient Boosting", p, rounds);
    }

    public static XgbTrees randomForest(int trees, int depth, double rowFraction, double colFraction, int threads) {
        Map<String, Object> p = base(threads);
        p.put("max_depth", depth);
        p.put("eta", 1.0);
        p.put("num_parallel_tree", trees);
        p.put("subsample", rowFraction);
        p.put("colsample_bylevel", colFraction);
        p.put("tree_method", "exact");
        return new XgbTrees("Random Forest", p, 1);
    }

    private static Map<String, Object> base(int threads) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "reg:squarederror");
        p.put("lambda", 0.0);
        p.put("min_child_weight", 1.0);
        p.put("nthread", threads);
        p.put("verbosity", 0);
        return p;
    }

    @Override public String name() { return name; }

    @Override public String hyperparameters() {
        Map<String, Object> shown = new LinkedHashMap<>(params);
        shown.remove("verbosity");
        return "XGBoost4J " + shown + ", rounds=" + rounds;
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        int n = x.length, d = x[0].length;
        try {
            DMatrix m = new DMatrix(flatten(x), n, d, Float.NaN);
            float[] label = new float[n];
            for (int i = 0; i < n; i++) label[i] = (float) y[i];
            m.setLabel(label);
            Map<String, Object> p = new HashMap<>(params);
            p.put("seed", seed & 0x7fffffffL);
            Booster b = XGBoost.train(m, p, rounds, new HashMap<>(), null, null);
            m.dispose();
            return new Fitted(b, d);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    static float[] flatten(double[][] x) {
        int d = x[0].length;
        float[] f = new float[x.length * d];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < d; j++) f[i * d + j] = (float) x[i][j];
        return f;
    }

    /** Predicts a whole matrix in one native call; single rows go through the same path. */
    private record Fitted(Booster booster, int d) implements Model {
        @Override public double predict(double[] row) { return predict(new double[][] {row})[0]; }

        @Override public double[] predict(double[][] rows) {
            try {
                DMatrix m = new DMatrix(flatten(rows), rows.length, d, Float.NaN);
                float[][] p = booster.predict(m);
                m.dispose();
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) out[i] = p[i][0];
                return out;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
            }
        }
    }
}
