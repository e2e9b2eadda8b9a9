package dev.basin.analysis.regress;

/** R², mean squared error and mean absolute error of predictions against targets. */
public record Metrics(double r2, double mse, double mae) {

    public static Metrics of(double[] actual, double[] predicted) {
        return of(actual, predicted, null);
    }

    /** Over the rows listed in {@code rows} (all rows when null; repeats count, for the bootstrap). */
    public static Metrics of(double[] actual, double[] predicted, int[] rows) {
        int n = rows == null ? actual.length : rows.length;
        double mean = 0;
        for (int k = 0; k < n; k++) mean += actual[rows == null ? k : rows[k]];
        mean /= n;
        double ssRes = 0, ssTot = 0, abs = 0;
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            double e = actual[i] - predicted[i];
            ssRes += e * e;
            abs += Math.abs(e);
            ssTot += (actual[i] - mean) * (actual[i] - mean);
        }
        // Scikit-learn's convention: a constant target gives R² = 1 for a perfect fit, else 0.
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : 0);
        return new Metrics(r2, ssRes / n, abs / n);
    }
}
