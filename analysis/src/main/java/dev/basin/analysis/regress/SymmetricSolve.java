package dev.basin.analysis.regress;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Solves a symmetric positive semi-definite system a·x = b with Commons Math: Cholesky when the
 * matrix is safely positive definite, else the SVD pseudo-inverse (singular values below
 * 1e-12·σmax dropped), which gives the minimum-norm solution for collinear columns.
 */
final class SymmetricSolve {

    private SymmetricSolve() {}

    static double[] solve(double[][] a, double[] b) {
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(a, true);
        try {
            // Relative symmetry 1e-10; pivots below 1e-10·max diagonal are treated as singular.
            double maxDiag = 0;
            for (int i = 0; i < a.length; i++) maxDiag = Math.max(maxDiag, a[i][i]);
            CholeskyDecomposition ch = new CholeskyDecomposition(m, 1e-10, 1e-10 * maxDiag);
            return ch.getSolver().solve(new ArrayRealVector(b, false)).toArray();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            SingularValueDecomposition svd = new SingularValueDecomposition(m);
            double[] s = svd.getSingularValues();
            double cut = s[0] * 1e-12;
            double[] uty = svd.getUT().operate(new ArrayRealVector(b, false)).toArray();
            double[] x = new double[b.length];
            var v = svd.getV();
            for (int k = 0; k < s.length; k++) {
                if (s[k] <= cut) continue;
                double c = uty[k] / s[k];
                for (int j = 0; j < x.length; j++) x[j] += v.getEntry(j, k) * c;
            }
            return x;
        }
    }
}
