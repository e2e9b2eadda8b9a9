package dev.basin.analysis.regress;

/**
 * A regression method: fits a model to rows x (n × d) and targets y. Implementations state every
 * hyperparameter in {@link #hyperparameters()} so the report can print them.
 */
public interface Regressor {

    /** The display name used in tables and CSV files. */
    String name();

    /** Every hyperparameter, in one line. */
    String hyperparameters();

    /** Fits on (x, y); the seed drives any randomness (subsampling, initialisation). */
    Model fit(double[][] x, double[] y, long seed);

    /** A fitted model. */
    interface Model {
        double predict(double[] row);

        default double[] predict(double[][] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) out[i] = predict(rows[i]);
            return out;
        }
    }
}
