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
}
