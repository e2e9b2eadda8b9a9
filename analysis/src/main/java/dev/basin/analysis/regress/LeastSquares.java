package dev.basin.analysis.regress;


/**
 * Least squares min ‖Aβ − y‖² (+ ridge·‖β‖² when ridge &gt; 0) by the normal equations
 * (AᵀA + ridge·I)β = Aᵀy, solved with Commons Math ({@link SymmetricSolve}: Cholesky, or the eigendecomposition
 * pseudo-inverse when columns are collinear — the minimum-norm solution instead of an exception).
 * Forming AᵀA (d × d) is cheap for the few dozen columns used here; callers z-score columns first.
 */
public final class LeastSquares {

    private LeastSquares() {}

    /** Solves for β; rows of a are the design rows. */
    public static double[] solve(double[][] a, double[] y, double ridge) {
        int n = a.length, d = a[0].length;
        double[][] ata = new double[d][d];
        double[] aty = new double[d];
        for (int i = 0; i < n; i++) {
            double[] r = a[i];
            for (int j = 0; j < d; j++) {
                double rj = r[j];
                aty[j] += rj * y[i];
                double[] row = ata[j];
                for (int k = j; k < d; k++) row[k] += rj * r[k];
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < j; k++) ata[j][k] = ata[k][j];
            ata[j][j] += ridge;
        }
        return SymmetricSolve.solve(ata, aty);
    }

    /** Prepends a column of ones. */
    public static double[][] withIntercept(double[][] x) {
        double[][] a = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] r = new double[x[i].length + 1];
            r[0] = 1.0;
            System.arraycopy(x[i], 0, r, 1, x[i].length);
            a[i] = r;
        }
        return a;
    }

    public static double dotWithIntercept(double[] beta, double[] row) {
        double s = beta[0];
        for (int j = 0; j < row.length; j++) s += beta[j + 1] * row[j];
        return s;
    }
}
