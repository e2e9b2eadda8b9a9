package dev.basin.kernels;

/** Plain-Java reference for the NTK kernels' inner loops: the oracle and the fallback. */
final class NtkScalar {

    private NtkScalar() {}

    static void syrkLower(int n, int k, double[] a, int aOff, int lda, double[] c, int cOff, int ldc) {
        for (int i = 0; i < n; i++) {
            int ai = aOff + i * lda;
            for (int j = 0; j <= i; j++) {
                int aj = aOff + j * lda;
                double s = 0.0;
                for (int p = 0; p < k; p++) s += a[ai + p] * a[aj + p];
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    /**
     * One stored row of the fused tridiagonalisation step: for J in [from, to) the lower-triangle
     * entry r_J −= vi·w_J + wi·v_J, then q_J += ui·r_J and the row's dot Σ r_J·u_J; the diagonal
     * gets the same update; q_diag += the dot plus r_diag·ui.
     */
    static void tridiagRow(double[] a, int rowAt, int from, int to, int diag, double vi, double wi, double ui,
                           double[] w, double[] v, double[] u, double[] q) {
        double acc = 0.0;
        for (int j = from; j < to; j++) {
            double r = a[rowAt + j] - vi * w[j] - wi * v[j];
            a[rowAt + j] = r;
            acc += r * u[j];
            q[j] += ui * r;
        }
        double r = a[rowAt + diag] - vi * w[diag] - wi * v[diag];
        a[rowAt + diag] = r;
        q[diag] += acc + r * ui;
    }

    /**
     * Unblocked Cholesky–Banachiewicz reference for {@link NtkExtremes#cholesky}: the same
     * storage (A's lower triangle read, L's strict lower part over it, L's diagonal in diag).
     */
    static boolean cholesky(int n, double[] a, int aOff, int lda, double[] diag, int diagOff) {
        for (int i = 0; i < n; i++) {
            int ri = aOff + i * lda;
            for (int c = 0; c < i; c++) {
                int rc = aOff + c * lda;
                double t = a[ri + c];
                for (int p = 0; p < c; p++) t -= a[ri + p] * a[rc + p];
                a[ri + c] = t / diag[diagOff + c];
            }
            double t = a[ri + i];
            for (int p = 0; p < i; p++) t -= a[ri + p] * a[ri + p];
            if (!(t > 0.0) || !Double.isFinite(t)) return false;
            diag[diagOff + i] = Math.sqrt(t);
        }
        return true;
    }
}
