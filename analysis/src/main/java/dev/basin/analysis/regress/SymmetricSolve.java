package dev.basin.analysis.regress;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Solves a symmetric positive semi-definite system a·x = b with Commons Math: Cholesky when the
 * matrix is safely positive definite, else the pseudo-inverse from the symmetric
 * eigendecomposition (eigenvalues below 1e-12·max|λ| dropped), which gives the minimum-norm solution for collinear columns.
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
            // Symmetric eigendecomposition (much faster than an SVD in Commons Math): a = V·diag(λ)·Vᵀ.
            EigenDecomposition eig = new EigenDecomposition(m);
            double[] lambda = eig.getRealEigenvalues();
            double max = 0;
            for (double l : lambda) max = Math.max(max, Math.abs(l));
            double cut = max * 1e-12;
            var v = eig.getV();
            double[] vtb = v.transpose().operate(new ArrayRealVector(b, false)).toArray();
            double[] x = new double[b.length];
            for (int k = 0; k < lambda.length; k++) {
                if (Math.abs(lambda[k]) <= cut) continue;
                double c = vtb[k] / lambda[k];
                for (int j = 0; j < x.length; j++) x[j] += v.getEntry(j, k) * c;
            }
            return x;
        }
    }
}
